package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C4: clauses that moved from Medium to High after the audit with the provider go to the CSG. */
@Component
class CsgEscalationMailDelegate implements JavaDelegate {

    private final MeetingMails mails;

    CsgEscalationMailDelegate(MeetingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        mails.riskEscalation(variables.meetingId(), variables.escalatedClauses());
    }
}
