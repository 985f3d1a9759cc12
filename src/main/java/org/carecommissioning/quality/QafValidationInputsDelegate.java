package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q5: the inputs of DMN qaf-validation-visit, computed from the return and the latest agreed QAF held. */
@Component
class QafValidationInputsDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafValidationInputsDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        variables.validationInputs(returns.validationInputs(variables.reference()));
    }
}
