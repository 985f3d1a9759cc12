package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;
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
        referrals.decline(ProcessVariables.id(execution, "referralId"), CurrentUser.of(execution),
                FormValues.text(execution.getVariable("declineReason")));
    }
}
