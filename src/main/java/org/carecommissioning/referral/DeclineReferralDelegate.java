package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** R2: the client is not eligible; the reason is recorded. */
@Component("declineReferralDelegate")
class DeclineReferralDelegate implements JavaDelegate {

    private final ReferralService referrals;

    DeclineReferralDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        referrals.decline(variables.referralId(), CurrentUser.of(execution), variables.declineReason());
    }
}
