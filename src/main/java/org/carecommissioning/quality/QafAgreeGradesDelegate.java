package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q7: records the agreed grades, with a reason wherever one differs from the claim. */
@Component
class QafAgreeGradesDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafAgreeGradesDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        returns.agreeGrades(variables.reference(), variables.agreedGrades(), CurrentUser.of(execution));
    }
}
