package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/**
 * U1 (consultation-due.bpmn): the officer completed "Plan service-user consultation"; the service's consultation
 * starts, planned by whoever completed the task (the officer, or a contracts manager), unless it was started
 * meanwhile from the start form.
 */
@Component
class ConsultationDueStartDelegate implements JavaDelegate {

    static final String CONSULTATION_STARTED = "consultationStarted";

    private final ConsultationScheduling scheduling;

    ConsultationDueStartDelegate(ConsultationScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String planner = CurrentUser.of(execution);
        if (planner == null) {
            planner = FormValues.text(execution.getVariable(ConsultationVariables.PURCHASING_OFFICER));
        }
        execution.setVariable(CONSULTATION_STARTED, scheduling.startConsultation(
                FormValues.text(execution.getVariable(ConsultationVariables.SERVICE_CODE)), planner,
                execution.getProcessInstanceId()));
    }
}
