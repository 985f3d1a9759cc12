package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q7: records the officer's reconsidered grades; the provider has a new response deadline. */
@Component
class QafReconsiderDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafReconsiderDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.reconsiderGrades(variables.reference(), variables.agreedGrades(), CurrentUser.of(execution));
        variables.responseDue(qaf.getResponseDueOn(), deadlines);
    }
}
