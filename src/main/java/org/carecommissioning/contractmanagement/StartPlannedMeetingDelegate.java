package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * C2 (cmm-next-meeting.bpmn): the purchasing officer chose the date; the meeting's own process starts (and refuses a
 * date too soon).
 */
@Component
class StartPlannedMeetingDelegate implements JavaDelegate {

    private final MeetingPlanning planning;

    StartPlannedMeetingDelegate(MeetingPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NextMeetingVariables variables = NextMeetingVariables.of(execution);
        variables.meetingStarted(planning.startMeeting(variables.serviceCode(), variables.meetingDate(),
                execution.getProcessInstanceId()));
    }
}
