package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q7: records the contracts manager's final grades, or the validation visit ordered first. */
@Component
class QafFinalDecisionDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafFinalDecisionDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.decideFinalGrades(variables.reference(), variables.finalDecision(), CurrentUser.of(execution));
        variables.finalDecisionMade(qaf, deadlines);
    }
}
