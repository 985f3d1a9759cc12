package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q7: records the provider's answer to the grades; disagreeing late or after the final decision is refused. */
@Component
class QafResponseDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafResponseDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.respondToGrades(variables.reference(), variables.gradesResponse(), CurrentUser.of(execution));
        variables.responded(qaf, deadlines);
    }
}
