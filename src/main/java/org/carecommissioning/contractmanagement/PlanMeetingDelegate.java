package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * C2: plans the meeting at least 4 weeks ahead; its reference becomes the business key, and the process carries
 * every preparation deadline (MeetingDeadlines, X1).
 */
@Component
class PlanMeetingDelegate implements JavaDelegate {

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
        MeetingVariables variables = MeetingVariables.of(execution);
        Meeting meeting = meetings.plan(variables.serviceCode(), variables.meetingDate(), CurrentUser.of(execution));
        execution.setProcessBusinessKey(meeting.getReference());
        // C1: a meeting planned from the start form ends the service's wait to plan one
        planning.meetingPlanned(meeting.getService().getServiceCode(), variables.plannedFrom());
        execution.setVariables(MeetingVariables.planned(meeting, services.providerOf(meeting.getService()), calendar,
                properties.zone()));
    }
}
