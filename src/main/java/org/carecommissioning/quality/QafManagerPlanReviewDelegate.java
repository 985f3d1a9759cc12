package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q8: records the contracts manager's review of the improvement plan. */
@Component
class QafManagerPlanReviewDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafManagerPlanReviewDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        returns.reviewImprovementPlan(variables.reference(), true, variables.planReview(true), CurrentUser.of(execution));
    }
}
