package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R1: the partnership ended before the remaining treatments were booked. */
@Component("lapseReferralDelegate")
class LapseReferralDelegate implements JavaDelegate {

    private final ReferralService referrals;

    LapseReferralDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.lapse(ReferralVariables.of(execution).referralId());
    }
}
