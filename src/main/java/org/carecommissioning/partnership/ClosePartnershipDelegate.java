package org.carecommissioning.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R1: the partnership has reached its end date without an extension. */
@Component("closePartnershipDelegate")
class ClosePartnershipDelegate implements JavaDelegate {

    private final PartnershipService partnerships;

    ClosePartnershipDelegate(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PartnershipVariables variables = PartnershipVariables.of(execution);
        partnerships.close(variables.partnershipId(), variables.reviewNotes());
    }
}
