package org.carecommissioning.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Test double for a {@code ${someDelegate}} expression of a BPMN model, registered with {@link Mocks} under the
 * bean name the model uses. Its behaviour is a lambda that sets the variables the real Spring delegate sets;
 * every attempt is counted and every successful call is kept with the variables the delegate saw (before its
 * own changes), so tests can assert how often and with what a step ran.
 */
public final class FakeDelegate implements JavaDelegate {

    /** What the fake does; may throw, as the real delegate would. */
    @FunctionalInterface
    public interface Behaviour {
        void execute(DelegateExecution execution) throws Exception;
    }

    /** One successful call: where it ran and the variables visible to it when it started. */
    public record Call(String activityId, String processInstanceId, String businessKey,
            Map<String, Object> variables) {

        public Object variable(String name) {
            return variables.get(name);
        }
    }

    private final String name;
    private final List<Call> calls = new ArrayList<>();
    private Behaviour behaviour;
    private int attempts;

    private FakeDelegate(String name, Behaviour behaviour) {
        this.name = name;
        this.behaviour = behaviour;
    }

    /** Registers a fake that does nothing but record its calls (a mail sent, a row written). */
    public static FakeDelegate register(String name) {
        return register(name, execution -> { });
    }

    public static FakeDelegate register(String name, Behaviour behaviour) {
        FakeDelegate fake = new FakeDelegate(name, behaviour);
        Mocks.register(name, fake);
        return fake;
    }

    /** Changes what the fake does from now on (for example: the mail server fails, then recovers). */
    public FakeDelegate behave(Behaviour newBehaviour) {
        this.behaviour = newBehaviour;
        return this;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        attempts++;
        Call call = new Call(execution.getCurrentActivityId(), execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(), new HashMap<>(execution.getVariables()));
        behaviour.execute(execution);
        calls.add(call);
    }

    /** Calls that completed without throwing. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public int callCount() {
        return calls.size();
    }

    /** Every invocation, including those that threw. */
    public int attempts() {
        return attempts;
    }

    public Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError(name + " was never called successfully");
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public String toString() {
        return "FakeDelegate[" + name + ", calls=" + calls.size() + ", attempts=" + attempts + "]";
    }
}
