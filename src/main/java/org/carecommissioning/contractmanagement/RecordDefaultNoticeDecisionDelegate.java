package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C6: the contracts manager's default-notice decision for a service moving to RED. */
@Component
class RecordDefaultNoticeDecisionDelegate implements JavaDelegate {

    private final MeetingService meetings;

    RecordDefaultNoticeDecisionDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        meetings.decideDefaultNotice(variables.meetingId(), variables.issueDefaultNotice(),
                variables.defaultNoticeReason());
    }
}
