package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C4: revised risks after the audit with the provider; Medium to High moves are reported to the CSG. */
@Component
class RecordRevisedRisksDelegate implements JavaDelegate {

    private final MeetingService meetings;

    RecordRevisedRisksDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        MeetingService.RevisedRisks revised = meetings.reviseRisks(variables.meetingId(), variables.riskClauseCodes(),
                variables.all());
        variables.risksRevised(revised.escalated(), revised.riskSummary());
    }
}
