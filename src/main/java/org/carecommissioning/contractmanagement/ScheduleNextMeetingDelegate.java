package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C1, C6: once the priority level is settled, the wait for the next meeting starts. */
@Component
class ScheduleNextMeetingDelegate implements JavaDelegate {

    private final MeetingPlanning planning;

    ScheduleNextMeetingDelegate(MeetingPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        variables.nextMeetingPlanning(planning.scheduleNext(variables.serviceCode()));
    }
}
