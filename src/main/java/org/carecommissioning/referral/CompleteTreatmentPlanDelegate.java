package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R8: records the evaluation form and closes the treatment plan. */
@Component("completeTreatmentPlanDelegate")
class CompleteTreatmentPlanDelegate implements JavaDelegate {

    private final ReferralService referrals;

    CompleteTreatmentPlanDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        referrals.recordEvaluation(variables.referralId(), variables.evaluation());
    }
}
