package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q8: records the provider's improvement plan; the validation timer is set one month later. */
@Component
class QafImprovementPlanDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafImprovementPlanDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.submitImprovementPlan(variables.reference(), variables.improvementPlan(),
                CurrentUser.of(execution));
        variables.validationDue(qaf.getImprovementValidationOn(), deadlines);
    }
}
