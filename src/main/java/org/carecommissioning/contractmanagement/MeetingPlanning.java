package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C1, C6, PI5: keeps one "plan the next meeting" process per service waiting for the date its priority level
 * sets. Planning opens 8 weeks before the meeting falls due and must be done 4 weeks before it (the set-up letter's
 * notice, C2); a missed trigger can bring the meeting forward.
 */
@Service
public class MeetingPlanning {

    static final String PROCESS_KEY = "cmm-next-meeting";
    static final String MEETING_PROCESS_KEY = "contract-management-meeting";
    static final String PLAN_TASK = "Task_PlanNextMeeting";
    static final String BROUGHT_FORWARD = "NextMeetingBroughtForward";
    static final String PLANNED_ANOTHER_WAY = "MeetingPlannedAnotherWay";

    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ContractServices services;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CareProperties properties;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeetingPlanning(ContractServices services, RuntimeService runtimeService, TaskService taskService,
            CareProperties properties, WorkingDayCalendar calendar, Clock clock, ApplicationEventPublisher events) {
        this.services = services;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
    }

    /**
     * C1: starts the wait for the service's next meeting, replacing any earlier wait for the same service.
     *
     * @return the business key of the planning process, {@code PLAN-SP101-20270411}
     */
    @Transactional
    public String scheduleNext(String serviceCode) {
        ContractedService service = services.byCode(serviceCode);
        if (service.getNextMeetingDue() == null) {
            throw new IllegalStateException("Service " + serviceCode + " has no date its next meeting is due.");
        }
        supersede(service.getServiceCode(), null);
        String businessKey = "PLAN-" + service.getServiceCode() + "-" + KEY_DATE.format(service.getNextMeetingDue());
        Map<String, Object> variables = new HashMap<>(dueDates(service.getNextMeetingDue()));
        variables.put(NextMeetingVariables.SERVICE_CODE, service.getServiceCode());
        variables.put(NextMeetingVariables.SERVICE_NAME, service.getName());
        variables.put(NextMeetingVariables.PURCHASING_OFFICER, service.getPurchasingOfficer());
        variables.put(NextMeetingVariables.PRIORITY_LEVEL, service.getPriorityLevel().name());
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
        events.publishEvent(new NextMeetingDateSet(service.getServiceCode(), service.getNextMeetingDue(), false));
        return businessKey;
    }

    /**
     * PI5: the contracts manager brings the service's next meeting forward; planning opens at once and is due
     * within two weeks. A due date already sooner is kept.
     *
     * @return the date the meeting is now due
     */
    @Transactional
    public LocalDate bringForward(Long serviceId) {
        ContractedService service = services.get(serviceId);
        LocalDate due = MeetingDeadlines.broughtForwardDue(LocalDate.now(clock));
        if (service.getNextMeetingDue() != null && !service.getNextMeetingDue().isAfter(due)) {
            due = service.getNextMeetingDue();
        }
        service.reprioritise(service.getPriorityLevel(), due);
        events.publishEvent(new NextMeetingDateSet(service.getServiceCode(), due, false));
        Map<String, Object> dates = dueDates(due);
        List<ProcessInstance> waiting = planners(service.getServiceCode());
        if (waiting.isEmpty()) {
            // a meeting due within 6 weeks opened for planning 8 weeks ahead: its timer is due at once
            scheduleNext(service.getServiceCode());
            return due;
        }
        for (ProcessInstance planner : waiting) {
            runtimeService.setVariables(planner.getId(), dates);
            var task = taskService.createTaskQuery().processInstanceId(planner.getId()).taskDefinitionKey(PLAN_TASK)
                    .singleResult();
            if (task != null) {
                task.setDueDate((Date) dates.get("planByAt"));
                taskService.saveTask(task);
            } else {
                runtimeService.createMessageCorrelation(BROUGHT_FORWARD).processInstanceId(planner.getId())
                        .correlateAll();
            }
        }
        return due;
    }

    /**
     * C2: a meeting of the service was planned; every other wait to plan one ends ("planned another way").
     *
     * @param exceptPlannerId the planning process that planned it itself, which ends on its own path
     */
    @Transactional
    public void meetingPlanned(String serviceCode, String exceptPlannerId) {
        supersede(serviceCode, exceptPlannerId);
    }

    /** C2: starts the contract management meeting the purchasing officer planned on the planning task. */
    @Transactional
    public String startMeeting(String serviceCode, LocalDate meetingDate, String plannerInstanceId) {
        ProcessInstance meeting = runtimeService.startProcessInstanceByKey(MEETING_PROCESS_KEY, Map.of(
                "serviceCode", serviceCode,
                "meetingDate", meetingDate.toString(),
                "plannedFrom", plannerInstanceId));
        return meeting.getBusinessKey();
    }

    private void supersede(String serviceCode, String exceptPlannerId) {
        for (ProcessInstance planner : planners(serviceCode)) {
            if (!planner.getId().equals(exceptPlannerId)) {
                runtimeService.createMessageCorrelation(PLANNED_ANOTHER_WAY).processInstanceId(planner.getId())
                        .correlateAll();
            }
        }
    }

    private List<ProcessInstance> planners(String serviceCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(NextMeetingVariables.SERVICE_CODE, serviceCode).active().list();
    }

    private Map<String, Object> dueDates(LocalDate due) {
        LocalDate today = LocalDate.now(clock);
        LocalDate opens = MeetingDeadlines.planningOpens(due);
        Map<String, Object> dates = new HashMap<>();
        dates.put("nextMeetingDue", due.toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        dates.put("nextMeetingDueText", DisplayDates.date(due));
        dates.put("planningOpensAt", opens.isAfter(today) ? ProcessDates.startOfDay(opens, properties.zone())
                : Date.from(clock.instant()));
        // C2, X1: planned by the end of the day 4 weeks before the meeting falls due, so the set-up letter still gives
        // 4 weeks' notice; on a weekend or bank holiday, the working day before; never before today
        LocalDate planBy = MeetingDeadlines.planBy(due, calendar);
        dates.put("planByAt", ProcessDates.endOfDayNotBefore(planBy, today, properties.zone()));
        return dates;
    }
}
