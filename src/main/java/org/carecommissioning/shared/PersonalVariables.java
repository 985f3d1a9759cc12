package org.carecommissioning.shared;

import java.util.Set;

/**
 * A capability's declaration of the variables of one of its processes that hold personal data: names, contact
 * details, free text about a person, health information, answers. The engine never writes them to history (the
 * data-protection history filter drops their events), so they are not kept for the process's history time to live
 * and no Cockpit reader sees them there; the records live in the application's tables, where they can be erased.
 * Each process that carries a person's data through its forms declares it here (a bean of this type).
 */
public interface PersonalVariables {

    /** The key of the process whose variables these are. */
    String processDefinitionKey();

    /** The variable (and form field) names that hold personal data in that process. */
    Set<String> names();
}
