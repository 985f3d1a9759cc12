package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q3: registers the provider's self-assessment; a claim without the evidence it needs is refused on the form. */
@Component
class QafSelfAssessmentDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafSelfAssessmentDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        returns.submitSelfAssessment(variables.reference(), variables.selfAssessment(), CurrentUser.of(execution));
    }
}
