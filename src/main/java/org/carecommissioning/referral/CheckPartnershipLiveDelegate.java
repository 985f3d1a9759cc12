package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.partnership.PartnershipService;
import org.springframework.stereotype.Component;

/**
 * R1: before every booking, checks that the partnership is still live. A referral that was busy elsewhere when
 * its partnership ended (at a session outcome, say) lapses here rather than waiting for a booking R1 refuses.
 */
@Component("checkPartnershipLiveDelegate")
class CheckPartnershipLiveDelegate implements JavaDelegate {

    private final PartnershipService partnerships;

    CheckPartnershipLiveDelegate(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        variables.partnershipLive(partnerships.isLive(variables.partnershipId()));
    }
}
