package org.carecommissioning.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R6, R7: applies the cancellation-charge table's decision and says whether to rebook. */
@Component("applyCancellationChargeDelegate")
class ApplyCancellationChargeDelegate implements JavaDelegate {

    private final TreatmentSessionService sessions;

    ApplyCancellationChargeDelegate(TreatmentSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        Map<String, Object> charge = variables.cancellationCharge();
        if (charge.isEmpty()) {
            throw new IllegalStateException("The cancellation-charge table has no rule for "
                    + variables.cancellationFacts() + "; ask a business analyst to check it.");
        }
        boolean chargeable = Boolean.TRUE.equals(charge.get("chargeable"));
        boolean usesTreatment = Boolean.TRUE.equals(charge.get("usesTreatment"));
        boolean reschedule = Boolean.TRUE.equals(charge.get("reschedule"));
        TreatmentSession session = sessions.applyCancellationCharge(variables.sessionId(), chargeable, usesTreatment);
        variables.chargeApplied(reschedule, session.getReferral().treatmentsRemaining(),
                "Session " + session.getSessionNumber() + " was "
                + session.getStatus().name().toLowerCase().replace('_', ' ') + ": "
                + (chargeable ? "charged to the commissioning organisation." : "not charged.")
                + (reschedule ? " Please rebook it with the client." : ""));
    }
}
