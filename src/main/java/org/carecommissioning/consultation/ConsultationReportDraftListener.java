package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * U6: a report sent back by an approver opens on Write report as the approvers read it, so the officer revises it
 * rather than typing it again. The headline and text are stored on the consultation, not kept as variables; they are
 * lent to the task's form here (kept out of history, ConsultationPersonalVariables) and leave again when the revised
 * report is recorded.
 */
@Component
class ConsultationReportDraftListener implements TaskListener {

    private final Consultations consultations;

    ConsultationReportDraftListener(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void notify(DelegateTask task) {
        ConsultationVariables variables = ConsultationVariables.of(task.getExecution());
        variables.reportDraft(consultations.get(variables.reference()));
    }
}
