package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * U2: on completing the proposal, the method and the number of service users are checked before the
 * consultation-sample-size table reads them: a negative or non-numeric number is refused with the officer's sentence
 * (400) and nothing moves, instead of failing inside the table.
 */
@Component
class ConsultationProposalFormListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ConsultationVariables.of(task.getExecution()).checkProposalForm();
    }
}
