package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/** The steps that plan each service's next contract management meeting (C1, C2, C6). */
final class PlanningDelegates {

    private PlanningDelegates() {
    }

    /** C1, C6: once the priority level is settled, the wait for the next meeting starts. */
    @Component("scheduleNextMeetingDelegate")
    static class ScheduleNextMeeting implements JavaDelegate {

        private final MeetingPlanning planning;

        ScheduleNextMeeting(MeetingPlanning planning) {
            this.planning = planning;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("nextMeetingPlanning",
                    planning.scheduleNext(FormValues.text(execution.getVariable("serviceCode"))));
        }
    }

    /** C2: the purchasing officer chose the date; the meeting's own process starts (and refuses a date too soon). */
    @Component("startPlannedMeetingDelegate")
    static class StartPlannedMeeting implements JavaDelegate {

        private final MeetingPlanning planning;

        StartPlannedMeeting(MeetingPlanning planning) {
            this.planning = planning;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("meetingReference", planning.startMeeting(
                    FormValues.text(execution.getVariable("serviceCode")),
                    FormValues.date(execution.getVariable("meetingDate"), "C2", "The meeting date"),
                    execution.getProcessInstanceId()));
        }
    }
}
