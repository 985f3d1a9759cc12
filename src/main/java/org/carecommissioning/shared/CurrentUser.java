package org.carecommissioning.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The user who completed the task or started the process now being executed (null for timers and jobs), for the
 * delegates the engine creates; read through {@link Caller}.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String of(DelegateExecution execution) {
        return Caller.userIdOf(execution.getProcessEngineServices().getIdentityService());
    }

}
