package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q8: records the contracts manager's decision on a default notice, with the reason. */
@Component
class QafDefaultNoticeDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafDefaultNoticeDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafVariables.DefaultNoticeDecision decision = variables.defaultNoticeDecision();
        returns.decideDefaultNotice(variables.reference(), decision.issue(), decision.reason(), CurrentUser.of(execution));
    }
}
