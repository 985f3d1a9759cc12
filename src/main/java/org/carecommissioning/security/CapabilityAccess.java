package org.carecommissioning.security;

import java.util.List;

/**
 * What a capability's groups may do in the engine, declared by the capability itself (one Spring bean per
 * capability package) rather than in a central list: {@link AccessPolicy} collects every bean of this type at
 * start-up and grants what is missing. Tasks are not granted here: the engine grants a task to its candidate group
 * or assignee when it is created.
 */
public interface CapabilityAccess {

    /** The grants, usually built with {@link Grants}. */
    List<Grant> grants();
}
