package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q5: records the validation visit date agreed with the provider. */
@Component
class QafVisitDateDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafVisitDateDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.planVisit(variables.reference(), variables.visitDate());
        variables.visitPlanned(qaf.getVisitDate(), deadlines);
    }
}
