package org.carecommissioning.security;

import java.util.List;

/**
 * What a capability's groups may do in the engine, and what their Tasklist filters show, declared by the capability
 * itself (one Spring bean per capability package) rather than in a central list: {@link AccessPolicy} collects every
 * bean of this type at start-up and grants what is missing, and the Tasklist filters add the columns. Tasks are not
 * granted here: the engine grants a task to its candidate group or assignee when it is created.
 */
public interface CapabilityAccess {

    /** The grants, usually built with {@link Grants}. */
    List<Grant> grants();

    /** Columns for the capability's groups' Tasklist filters, besides the case reference and organisation. */
    default List<TasklistColumn> tasklistColumns() {
        return List.of();
    }
}
