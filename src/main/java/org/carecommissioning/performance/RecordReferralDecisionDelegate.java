package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PI5: the contracts manager's decision on a referred missed trigger. */
@Component("recordReferralDecisionDelegate")
class RecordReferralDecisionDelegate implements JavaDelegate {

    private final PiReturns returns;

    RecordReferralDecisionDelegate(PiReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        returns.decide(variables.returnReference(), variables.referralDecision(), variables.referralReason());
    }
}
