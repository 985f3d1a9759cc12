package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q7, Q5: records the findings of the validation visit ordered for the final decision. */
@Component
class QafFinalVisitDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafFinalVisitDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        returns.recordFinalVisit(variables.reference(), variables.finalVisitFindings());
        variables.finalVisitMade();
    }
}
