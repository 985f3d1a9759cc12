package org.carecommissioning.shared;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The personal values a task's form shows (a client's name, phone number), read from the application's tables
 * each time the form loads, so they are never stored as process variables and never reach history. A form shows
 * them as read-only (disabled) fields with these keys; the engine hands them only to the task's assignee or
 * candidates (and administrators). Implementations are created with the process engine (it asks for the fields as
 * it deploys), so they take the services that read the tables lazily (an ObjectProvider), never in the constructor.
 */
public interface PersonalFormValues {

    /** The key of the process whose tasks these values are for. */
    String processDefinitionKey();

    /** The personal fields the form of this task shows (none for most tasks). */
    Set<String> fields(String taskDefinitionKey);

    /**
     * The values the form of this task shows, by field key; empty when the task shows nothing personal.
     * {@code task} reads the task's (non-personal) variables, such as the referral id.
     */
    Map<String, Object> forTask(String taskDefinitionKey, VariableScope task);
}
