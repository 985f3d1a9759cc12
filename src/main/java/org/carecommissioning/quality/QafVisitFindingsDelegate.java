package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q5: records the visit's findings and revised grades. */
@Component
class QafVisitFindingsDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafVisitFindingsDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.recordVisit(variables.reference(), variables.visitFindings(), CurrentUser.of(execution));
        variables.proposeAgreedGrades(qaf);
    }
}
