package org.carecommissioning.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Test double for a {@code ${someListener}} task listener expression, registered with {@link Mocks}. */
public final class FakeTaskListener implements TaskListener {

    @FunctionalInterface
    public interface Behaviour {
        void notify(DelegateTask task);
    }

    /** One successful notification: the task, the event and the variables visible when it started. */
    public record Call(String taskDefinitionKey, String eventName, String assignee, String processInstanceId,
            Map<String, Object> variables) {

        public Object variable(String name) {
            return variables.get(name);
        }
    }

    private final String name;
    private final List<Call> calls = new ArrayList<>();
    private final Behaviour behaviour;
    private int attempts;

    private FakeTaskListener(String name, Behaviour behaviour) {
        this.name = name;
        this.behaviour = behaviour;
    }

    public static FakeTaskListener register(String name, Behaviour behaviour) {
        FakeTaskListener fake = new FakeTaskListener(name, behaviour);
        Mocks.register(name, fake);
        return fake;
    }

    @Override
    public void notify(DelegateTask task) {
        attempts++;
        Call call = new Call(task.getTaskDefinitionKey(), task.getEventName(), task.getAssignee(),
                task.getProcessInstanceId(), new HashMap<>(task.getVariables()));
        behaviour.notify(task);
        calls.add(call);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public int callCount() {
        return calls.size();
    }

    public int attempts() {
        return attempts;
    }

    @Override
    public String toString() {
        return "FakeTaskListener[" + name + ", calls=" + calls.size() + ", attempts=" + attempts + "]";
    }
}
