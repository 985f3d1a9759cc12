package org.carecommissioning.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps every process test takes on its in-memory engine, as Tasklist would: act as a named user (so the
 * delegates' CurrentUser and the engine's authorization see them) and read a process variable.
 */
public final class ProcessSteps {

    private ProcessSteps() {
    }

    /** Runs {@code action} authenticated as {@code userId}, and clears the authentication after. */
    public static <T> T as(String userId, Supplier<T> action) {
        identityService().setAuthenticatedUserId(userId);
        try {
            return action.get();
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** Completes the task with the form's variables as {@code userId}. */
    public static void completeAs(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            complete(task, variables);
            return null;
        });
    }

    /** A variable of the running instance. */
    public static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }
}
