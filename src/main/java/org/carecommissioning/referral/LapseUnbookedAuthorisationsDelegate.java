package org.carecommissioning.referral;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.ProcessVariables;
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
        Long partnershipId = ProcessVariables.id(execution, "partnershipId");
        int lapsed = system.call(() -> runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals("partnershipId", partnershipId)
                .correlateAllWithResult().size());
        execution.setVariable("referralsLapsed", lapsed);
    }
}
