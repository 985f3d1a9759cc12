package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** U1 (consultation-schedule.bpmn): opens a "Plan service-user consultation" task for each service due today. */
@Component
class ConsultationScheduleDelegate implements JavaDelegate {

    private final ConsultationScheduling scheduling;

    ConsultationScheduleDelegate(ConsultationScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ConsultationScheduling.PLAN_TASKS_OPENED, scheduling.openPlanTasks());
    }
}
