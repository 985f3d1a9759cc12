package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q7 Decision: no answer by the response deadline: the grades as told are accepted and final. */
@Component
class QafNoResponseDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafNoResponseDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        variables.gradesFinal(returns.acceptByDefault(variables.reference()), deadlines);
    }
}
