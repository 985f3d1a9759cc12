package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q5: keeps the validation-visit decision and its reason with the return; the gateway reads validationVisit. */
@Component
class QafValidationDecisionDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafValidationDecisionDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafVariables.ValidationDecision decision = variables.validationDecision();
        QafReturn qaf = returns.recordValidationDecision(variables.reference(), decision.visit(), decision.reason());
        variables.validationVisit(Boolean.TRUE.equals(qaf.getValidationVisit()), qaf.getValidationReason());
    }
}
