package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Q7: records the agreed grades, with a reason wherever one differs from the claim; the provider answers within 4
 * weeks (X1: the task's due date and the no-response timer).
 */
@Component
class QafAgreeGradesDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafAgreeGradesDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.agreeGrades(variables.reference(), variables.agreedGrades(), CurrentUser.of(execution));
        variables.responseDue(qaf.getResponseDueOn(), deadlines);
    }
}
