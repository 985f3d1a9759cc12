package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C4: the decision on a compliance audit with the provider. */
@Component
class RecordAuditDecisionDelegate implements JavaDelegate {

    private final MeetingService meetings;

    RecordAuditDecisionDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        MeetingService.AuditDecision decision = variables.auditDecision();
        meetings.decideAudit(variables.meetingId(), decision);
        variables.auditDecided(decision.hold());
    }
}
