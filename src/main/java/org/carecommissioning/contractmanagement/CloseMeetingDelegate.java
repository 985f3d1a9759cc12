package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C8: no survey answer in time; the meeting is closed all the same. */
@Component
class CloseMeetingDelegate implements JavaDelegate {

    private final MeetingService meetings;

    CloseMeetingDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        meetings.close(MeetingVariables.of(execution).meetingId());
    }
}
