package org.carecommissioning.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;
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
        partnerships.close(ProcessVariables.id(execution, "partnershipId"),
                FormValues.text(execution.getVariable("reviewNotes")));
    }
}
