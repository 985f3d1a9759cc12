package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/cmm-next-meeting.bpmn on a plain in-memory engine: one waiting "plan the next meeting" per service, as
 * MeetingPlanning.scheduleNext starts it. Planning opens 8 weeks before the meeting is due (timer at
 * planningOpensAt) or at once when the meeting is brought forward (PI5); the purchasing officer's task is due 4
 * weeks before (planByAt); a meeting planned another way ends the wait at either stage. The meeting itself is
 * started by the REAL {@link StartPlannedMeetingDelegate}, registered with Camunda's {@link Mocks}, on a
 * mocked {@link MeetingPlanning} (which refuses a date less than 4 weeks ahead, C2).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/cmm-next-meeting.bpmn")
@DisplayName("plan the next contract management meeting (C1, C2, PI5, X1)")
class NextMeetingProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "cmm-next-meeting";
    private static final String SERVICE_CODE = "SP101";
    private static final String OFFICER = "pat.officer";
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** AMBER after the meeting of 14 January 2027: the next one is due 6 months later (C1). */
    private static final LocalDate NEXT_MEETING_DUE = LocalDate.of(2027, 7, 14);
    private static final String BUSINESS_KEY = "PLAN-SP101-20270714";
    /** 56 days before the due date: planning opens at the start of Wednesday 19 May 2027. */
    private static final Date PLANNING_OPENS_AT = london("2027-05-19T00:00");
    /** 28 days before the due date (C2 notice): planned by the end of Wednesday 16 June 2027. */
    private static final Date PLAN_BY_AT = london("2027-06-16T23:59:59");

    private MeetingPlanning planning;

    @BeforeEach
    void registerDelegateWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2027-01-19T11:00");
        planning = mock(MeetingPlanning.class);
        // MeetingPlanning.startMeeting starts the meeting's own process and returns its reference
        when(planning.startMeeting(any(), any(), any())).thenAnswer(invocation -> "CMM-" + invocation.getArgument(0)
                + "-" + KEY_DATE.format(invocation.<LocalDate>getArgument(1)));

        // the real bean, under the name the model's delegateExpression uses
        Mocks.register("startPlannedMeetingDelegate", new StartPlannedMeetingDelegate(planning));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    /** As MeetingPlanning.scheduleNext: the service, its officer and the planning dates. */
    private static ProcessInstance scheduleNext(Date planningOpensAt, Date planByAt) {
        ProcessInstance planner = runtimeService().startProcessInstanceByKey(PROCESS, BUSINESS_KEY, withVariables(
                "serviceCode", SERVICE_CODE,
                "serviceName", "Floating support North",
                "purchasingOfficer", OFFICER,
                "priorityLevel", "AMBER",
                "nextMeetingDue", NEXT_MEETING_DUE.toString(),
                "planningOpensAt", planningOpensAt,
                "planByAt", planByAt));
        assertThat(planner).hasBusinessKey(BUSINESS_KEY);
        return planner;
    }

    private static ProcessInstance scheduleNext() {
        return scheduleNext(PLANNING_OPENS_AT, PLAN_BY_AT);
    }

    private static Job planningTimer(ProcessInstance planner) {
        Job timer = jobQuery().processInstanceId(planner.getId()).timers().activityId("Event_PlanningOpens")
                .singleResult();
        assertThat(timer).as("timer of Event_PlanningOpens").isNotNull();
        return timer;
    }

    private static List<String> messageSubscriptions(ProcessInstance planner) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(planner.getId())
                .eventType("message").list().stream().map(EventSubscription::getEventName).sorted().toList();
    }

    private static void assertWaitingForPlanningToOpen(ProcessInstance planner) {
        assertThat(planner).isWaitingAtExactly("Gateway_AwaitPlanning");
        assertThat(taskQuery().processInstanceId(planner.getId()).count()).as("no task yet").isZero();
        assertThat(messageSubscriptions(planner))
                .containsExactly("MeetingPlannedAnotherWay", "NextMeetingBroughtForward");
    }

    /** C1, X1: the planning task for the service's purchasing officer, due four weeks before the meeting is due. */
    private static Task assertPlanningTask(ProcessInstance planner, Date dueDate) {
        assertThat(planner).isWaitingAtExactly("Task_PlanNextMeeting");
        Task plan = task(planner);
        assertThat(plan)
                .hasDefinitionKey("Task_PlanNextMeeting")
                .hasName("Plan next contract management meeting")
                .isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(dueDate);
        assertThat(messageSubscriptions(planner)).as("only the boundary 'planned another way' listens now")
                .containsExactly("MeetingPlannedAnotherWay");
        return plan;
    }

    /** Fires the timer at planningOpensAt, moving the clock there first. */
    private static Task openPlanning(ProcessInstance planner) {
        Job timer = planningTimer(planner);
        TestClock.setTo(timer.getDuedate());
        execute(timer);
        return assertPlanningTask(planner, PLAN_BY_AT);
    }

    private static void plannedAnotherWay(ProcessInstance planner) {
        // As MeetingPlanning.supersede: correlated to each waiting planner of the service by its id.
        runtimeService().createMessageCorrelation("MeetingPlannedAnotherWay").processInstanceId(planner.getId())
                .correlateAll();
    }

    @Test
    @DisplayName("C1 X1 the planner waits at the event-based gateway until 8 weeks before the meeting is due; the "
            + "timer then opens the purchasing officer's planning task, due 4 weeks before the meeting is due")
    void planningOpensEightWeeksBeforeTheDueDate() {
        ProcessInstance planner = scheduleNext();

        assertWaitingForPlanningToOpen(planner);
        Job timer = planningTimer(planner);
        assertThat(timer.getDuedate()).isEqualTo(PLANNING_OPENS_AT)
                .isEqualTo(ProcessDates.startOfDay(NEXT_MEETING_DUE.minusDays(MeetingDeadlines.PLANNING_OPENS_DAYS),
                        LONDON));

        TestClock.setTo("2027-05-18T23:59");
        assertThat(jobQuery().processInstanceId(planner.getId()).executable().count()).as("not yet due").isZero();
        TestClock.setTo("2027-05-19T00:00");
        assertThat(jobQuery().processInstanceId(planner.getId()).executable().count()).isEqualTo(1);
        execute(timer);

        Task plan = assertPlanningTask(planner, PLAN_BY_AT);
        assertThat(plan.getDueDate())
                .isEqualTo(ProcessDates.endOfDay(NEXT_MEETING_DUE.minusDays(MeetingDeadlines.NOTICE_DAYS), LONDON));
        assertThat(planner).hasPassedInOrder("StartEvent_NextMeetingDue", "Gateway_AwaitPlanning",
                        "Event_PlanningOpens", "Gateway_PlanningOpen")
                .hasNotPassed("Event_BroughtForward", "Event_PlannedAnotherWayEarly");
        assertThat(jobQuery().processInstanceId(planner.getId()).count()).isZero();
        verifyNoInteractions(planning);
    }

    @Test
    @DisplayName("C2 the officer's chosen date starts the meeting (startPlannedMeetingDelegate) and the planner ends "
            + "at 'Meeting planned'")
    void plannedDateStartsTheMeeting() {
        ProcessInstance planner = scheduleNext();
        Task plan = openPlanning(planner);

        TestClock.setTo("2027-05-20T10:00");
        complete(plan, withVariables("meetingDate", "2027-07-01"));

        verify(planning).startMeeting(SERVICE_CODE, LocalDate.of(2027, 7, 1), planner.getId());
        assertThat(planner).hasPassedInOrder("Task_PlanNextMeeting", "Task_StartMeeting", "EndEvent_MeetingPlanned")
                .hasNotPassed("EndEvent_NotNeeded", "EndEvent_NotNeededEarly")
                .variables().containsEntry("meetingReference", "CMM-SP101-20270701");
        assertThat(planner).isEnded();
    }

    @Test
    @DisplayName("C2 a date less than 4 weeks ahead is refused: no meeting starts and the planning task stays open "
            + "until a date far enough ahead is chosen")
    void dateTooSoonLeavesTheTaskOpen() {
        ProcessInstance planner = scheduleNext();
        Task plan = openPlanning(planner);
        TestClock.setTo("2027-05-20T10:00");
        // C2 is MeetingService's rule, reached through MeetingPlanning.startMeeting
        when(planning.startMeeting(SERVICE_CODE, LocalDate.of(2027, 6, 16), planner.getId())).thenThrow(
                new BusinessRuleViolation("C2", "The provider must be told at least 4 weeks before the meeting; "
                        + "choose a date on or after 2027-06-17."));

        assertThatThrownBy(() -> complete(plan, withVariables("meetingDate", "2027-06-16")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C2: The provider must be told at least 4 weeks before the meeting; choose a date on or"
                        + " after 2027-06-17.");

        verify(planning).startMeeting(SERVICE_CODE, LocalDate.of(2027, 6, 16), planner.getId());
        assertPlanningTask(planner, PLAN_BY_AT);
        assertThat(task(planner).getId()).as("the same task").isEqualTo(plan.getId());
        assertThat(planner).isNotEnded().hasNotPassed("Task_StartMeeting");

        complete(task(planner), withVariables("meetingDate", "2027-06-17"));
        verify(planning).startMeeting(SERVICE_CODE, LocalDate.of(2027, 6, 17), planner.getId());
        assertThat(planner).hasPassed("EndEvent_MeetingPlanned").isEnded();
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(planner.getId())
                .variableName("meetingReference").singleResult().getValue()).isEqualTo("CMM-SP101-20270617");
    }

    @Test
    @DisplayName("PI5 X1 a meeting brought forward after a missed trigger opens the planning task at once, with the "
            + "sooner plan-by date; the 8-week timer is cancelled")
    void broughtForwardOpensPlanningAtOnce() {
        ProcessInstance planner = scheduleNext();
        assertWaitingForPlanningToOpen(planner);

        // As MeetingPlanning.bringForward: due in 6 weeks, so planned within 2 weeks (28 days before it is due).
        TestClock.setTo("2027-02-03T14:00");
        LocalDate due = TestClock.today().plusDays(MeetingDeadlines.BROUGHT_FORWARD_DAYS);
        Date planBy = ProcessDates.endOfDay(due.minusDays(MeetingDeadlines.NOTICE_DAYS), LONDON);
        runtimeService().setVariables(planner.getId(), Map.of(
                "nextMeetingDue", due.toString(),
                "planningOpensAt", Date.from(TestClock.now().atZone(LONDON).toInstant()),
                "planByAt", planBy));
        runtimeService().createMessageCorrelation("NextMeetingBroughtForward").processInstanceId(planner.getId())
                .correlateAll();

        assertThat(planBy).isEqualTo(london("2027-02-17T23:59:59"));
        assertPlanningTask(planner, planBy);
        assertThat(planner).hasPassedInOrder("Gateway_AwaitPlanning", "Event_BroughtForward", "Gateway_PlanningOpen")
                .hasNotPassed("Event_PlanningOpens", "Event_PlannedAnotherWayEarly");
        assertThat(jobQuery().processInstanceId(planner.getId()).count()).as("the 8-week timer is gone").isZero();

        complete(task(planner), withVariables("meetingDate", "2027-03-10"));
        verify(planning).startMeeting(SERVICE_CODE, LocalDate.of(2027, 3, 10), planner.getId());
        assertThat(planner).hasPassed("EndEvent_MeetingPlanned").isEnded();
    }

    @Test
    @DisplayName("C1 X1 when 8 weeks before the due date is already past, planning opens at once")
    void planningOpensAtOnceWhenAlreadyPast() {
        // As MeetingPlanning.dueDates: planningOpensAt is now when the opening day is today or past.
        Date now = Date.from(TestClock.now().atZone(LONDON).toInstant());
        ProcessInstance planner = scheduleNext(now, london("2027-02-17T23:59:59"));

        assertThat(planner).isWaitingAtExactly("Gateway_AwaitPlanning");
        Job timer = planningTimer(planner);
        assertThat(jobQuery().processInstanceId(planner.getId()).executable().count()).as("due at once").isEqualTo(1);
        execute(timer);

        assertPlanningTask(planner, london("2027-02-17T23:59:59"));
    }

    @Test
    @DisplayName("C2 a meeting planned another way while the planner still waits ends it at 'Planned another way' "
            + "(EndEvent_NotNeededEarly), with no task and no timer left")
    void plannedAnotherWayWhileWaiting() {
        ProcessInstance planner = scheduleNext();
        assertWaitingForPlanningToOpen(planner);

        plannedAnotherWay(planner);

        assertThat(planner).hasPassedInOrder("Gateway_AwaitPlanning", "Event_PlannedAnotherWayEarly",
                        "EndEvent_NotNeededEarly")
                .hasNotPassed("Event_PlanningOpens", "Task_PlanNextMeeting", "EndEvent_NotNeeded")
                .isEnded();
        assertThat(jobQuery().processInstanceId(planner.getId()).count()).isZero();
        verifyNoInteractions(planning);
    }

    @Test
    @DisplayName("C2 a meeting planned another way while the planning task is open withdraws the task and ends the "
            + "planner at 'Planned another way' (EndEvent_NotNeeded)")
    void plannedAnotherWayWhileTheTaskIsOpen() {
        ProcessInstance planner = scheduleNext();
        Task plan = openPlanning(planner);

        plannedAnotherWay(planner);

        assertThat(planner).hasPassed("Task_PlanNextMeeting")
                .hasPassedInOrder("Event_PlannedAnotherWay", "EndEvent_NotNeeded")
                .hasNotPassed("Task_StartMeeting", "EndEvent_MeetingPlanned", "EndEvent_NotNeededEarly")
                .isEnded();
        assertThat(taskQuery().taskId(plan.getId()).count()).as("the task is withdrawn").isZero();
        verifyNoInteractions(planning);
    }
}
