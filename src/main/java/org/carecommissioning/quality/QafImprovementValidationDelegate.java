package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q8: records whether the service improved, one month after the plan. */
@Component
class QafImprovementValidationDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafImprovementValidationDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafVariables.ImprovementValidation validation = variables.improvementValidation();
        QafReturn qaf = returns.validateImprovement(variables.reference(), validation.improved(), validation.findings(),
                CurrentUser.of(execution));
        variables.improved(qaf.getImproved());
    }
}
