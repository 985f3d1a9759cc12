package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q2: the deadline passed with the self-assessment not in: recorded as a contract compliance issue. */
@Component
class QafNonReturnDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafNonReturnDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.recordNonReturn(QafVariables.of(execution).reference());
    }
}
