package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C1, C6: the new priority level; the next meeting is due after the cmm-frequency table's interval. */
@Component
class ApplyPriorityDelegate implements JavaDelegate {

    private final MeetingService meetings;

    ApplyPriorityDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        PriorityLevel level = variables.newPriorityLevel();
        Meeting meeting = meetings.reassignPriority(variables.meetingId(), level, variables.priorityReason(),
                variables.unannouncedAudits(), variables.monthsBetweenMeetings());
        variables.priorityApplied(level, meeting.movedToRed(), meeting.getService().getNextMeetingDue());
    }
}
