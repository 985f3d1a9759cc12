package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.quality.QafReturns.ReviewResult;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q4, Q3: records the officer's desk-top review, or sends the return back for more evidence with a new due date. */
@Component
class QafDeskTopReviewDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafDeskTopReviewDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        ReviewResult result = returns.recordDeskTopReview(variables.reference(), variables.review(),
                CurrentUser.of(execution));
        if (result.returnedForEvidence()) {
            variables.due(result.resubmitBy(), deadlines);
        } else {
            variables.proposeAgreedGrades(returns.get(variables.reference()));
        }
    }
}
