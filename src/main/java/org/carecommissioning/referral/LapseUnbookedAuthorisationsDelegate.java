package org.carecommissioning.referral;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.stereotype.Component;

/**
 * R1: when a partnership ends, every referral of it still waiting to book a session is told, so its
 * remaining treatments lapse. Used by the partnership-term process; lives here because it knows referrals.
 */
@Component("lapseUnbookedAuthorisationsDelegate")
class LapseUnbookedAuthorisationsDelegate implements JavaDelegate {

    static final String MESSAGE = "PartnershipEnded";

    private final RuntimeService runtimeService;
    private final SystemAuthority system;

    LapseUnbookedAuthorisationsDelegate(RuntimeService runtimeService, SystemAuthority system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // runs in the partnership-term process, which carries the partnership's id under the same name
        ReferralVariables variables = ReferralVariables.of(execution);
        Long partnershipId = variables.partnershipId();
        int lapsed = system.call(() -> runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals(ReferralVariables.PARTNERSHIP_ID, partnershipId)
                .correlateAllWithResult().size());
        variables.referralsLapsed(lapsed);
    }
}
