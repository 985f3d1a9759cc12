package org.carecommissioning.notification;

import java.util.Optional;

import org.camunda.bpm.engine.context.DelegateExecutionContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The step of a process a mail is sent from when a job runs it: process instance, activity and job. The job is the
 * same one on every retry and on the node that takes it over after a crash, and a new one each time a process passes
 * the step again (a referral books one appointment after another at the same step), so the three name one sending.
 * Read from the engine's current command, which the public API does not expose.
 */
final class MailStep {

    private MailStep() {
    }

    static Optional<String> current() {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        if (job == null) {
            return Optional.empty();
        }
        DelegateExecution execution = DelegateExecutionContext.getCurrentDelegationExecution();
        String activity = execution != null ? execution.getCurrentActivityId() : job.getActivityId();
        return Optional.of(job.getProcessInstanceId() + "/" + activity + "/" + job.getId());
    }
}
