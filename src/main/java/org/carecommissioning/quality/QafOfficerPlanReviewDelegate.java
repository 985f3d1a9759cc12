package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q8: records the purchasing officer's review of the improvement plan. */
@Component
class QafOfficerPlanReviewDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafOfficerPlanReviewDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        returns.reviewImprovementPlan(variables.reference(), false, variables.planReview(false), CurrentUser.of(execution));
    }
}
