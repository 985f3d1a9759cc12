package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** C2: plans the meeting at least 4 weeks ahead; its reference becomes the business key. */
@Component("planMeetingDelegate")
class PlanMeetingDelegate implements JavaDelegate {

    /** The minutes are due five working days after the meeting. */
    static final int MINUTES_WORKING_DAYS = 5;

    private final MeetingService meetings;
    private final ContractServices services;
    private final WorkingDayCalendar calendar;
    private final CareProperties properties;
    private final MeetingPlanning planning;

    PlanMeetingDelegate(MeetingService meetings, ContractServices services, WorkingDayCalendar calendar,
            CareProperties properties, MeetingPlanning planning) {
        this.meetings = meetings;
        this.services = services;
        this.calendar = calendar;
        this.properties = properties;
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Meeting meeting = meetings.plan(FormValues.text(execution.getVariable("serviceCode")),
                FormValues.date(execution.getVariable("meetingDate"), "C2", "The meeting date"),
                CurrentUser.of(execution));
        execution.setProcessBusinessKey(meeting.getReference());
        // C1: a meeting planned from the start form ends the service's wait to plan one
        planning.meetingPlanned(meeting.getService().getServiceCode(), (String) execution.getVariable("plannedFrom"));
        execution.setVariables(MeetingVariables.of(meeting, services.providerOf(meeting.getService()),
                calendar.plusWorkingDays(meeting.getMeetingDate(), MINUTES_WORKING_DAYS),
                calendar::workingDayOnOrBefore, properties.zone()));
    }
}
