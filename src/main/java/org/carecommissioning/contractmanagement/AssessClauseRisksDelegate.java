package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C3: stores the desk-top review; each clause's risk comes from the compliance-risk-level table. */
@Component
class AssessClauseRisksDelegate implements JavaDelegate {

    private final MeetingService meetings;

    AssessClauseRisksDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        variables.riskAssessed(meetings.assessRisks(variables.meetingId(), variables.all()));
    }
}
