package org.carecommissioning.partnership;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R1: on completing the review, the choice must be one the model knows; otherwise Gateway_ReviewDecision would
 * read any other value as "let it end". The completion is refused with the caseworker's sentence and nothing moves.
 */
@Component
class ReviewDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        PartnershipVariables variables = PartnershipVariables.of(task);
        if (variables.reviewDecision() == ReviewDecision.EXTEND) {
            variables.newEndDate();
        }
    }
}
