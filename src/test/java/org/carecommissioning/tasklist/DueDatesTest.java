package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.invoicing.InvoiceService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.performance.ContractPage;
import org.carecommissioning.performance.PiReturns;
import org.carecommissioning.performance.Workbooks;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * X1: every user task of every model whose rule sets a deadline shows, in Tasklist, the rule's own date: the due
 * date converted to the commissioners' zone (care.zone, Europe/London) falls on the day the rule gives, at the
 * project's one due time, 23:59:59 (ProcessDates.endOfDay). Lateness is judged by the same day: anything on day D is
 * on time, anything from 00:00 on D+1 is late. Each process is driven through the application as staff drive it.
 */
@ApplicationTest
class DueDatesTest {

    private static final ZoneId CARE_ZONE = ZoneId.of("Europe/London");
    private static final LocalTime DUE_TIME = LocalTime.of(23, 59, 59);

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingPlanning planning;
    @Autowired
    Workbooks workbooks;
    @Autowired
    PiReturns returns;
    @Autowired
    InvoiceService invoices;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("X1: Review partnership is due on the partnership's last day (R1); the term ends once that day is over")
    void partnershipReview() {
        Scenario.now(LocalDateTime.of(2026, 7, 1, 9, 0));
        String code = Scenario.uniqueCode("DP");
        scenario.user("x1-partnership-admin", "partnership-admin");
        ProcessInstance term = scenario.as("x1-partnership-admin", () -> runtimeService.startProcessInstanceByKey(
                "partnership-term", Map.of("organisationName", "Due Group " + code, "organisationCode", code,
                        "organisationEmail", code.toLowerCase() + "@due.example", "startDate", "2026-07-01",
                        "treatmentMinutes", 60)));
        Scenario.now(LocalDateTime.of(2026, 12, 3, 0, 5));
        scenario.executeDueJobs(term.getId());

        assertDue(scenario.task(term, "Task_ReviewPartnership"), LocalDate.of(2026, 12, 31));
        Job overrun = managementService.createJobQuery().processInstanceId(term.getId())
                .activityId("Event_ReviewOverrun").singleResult();
        assertThat(overrun.getDuedate()).as("the term ends once 31 December is over")
                .isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 1, 1)));
    }

    @Test
    @DisplayName("X1: booking is due on the partnership's last day (R1); session outcome and evaluation form on the session's day (R6, R8), or today for a session entered after it took place")
    void referralTasks() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        Therapist therapist = scenario.therapistOn(world.partnership(), "Dora Due", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);

        ProcessInstance future = journeys.authorisedReferral(world, "Fay Future", 1, 0);
        assertDue(scenario.task(future, "Task_BookAppointment"), LocalDate.of(2026, 12, 31));
        scenario.complete(Journeys.COORDINATOR, future, "Task_BookAppointment",
                Map.of("therapistId", therapist.getId().toString(), "appointmentAt", "2026-11-25T10:00"));
        scenario.executeDueJobs(future.getId());
        assertDue(scenario.task(future, "Task_RecordSessionOutcome"), LocalDate.of(2026, 11, 25));
        Scenario.now(LocalDateTime.of(2026, 11, 25, 18, 0));
        scenario.complete(Journeys.COORDINATOR, future, "Task_RecordSessionOutcome",
                Map.of("sessionOutcome", "attended"));
        assertDue(scenario.task(future, "Task_CollectShortEvaluation"), LocalDate.of(2026, 11, 25));

        // a session entered after it took place: due today, not born overdue
        Scenario.now(LocalDateTime.of(2026, 11, 26, 9, 0));
        ProcessInstance past = journeys.authorisedReferral(world, "Pat Past", 1, 0);
        scenario.complete(Journeys.COORDINATOR, past, "Task_BookAppointment",
                Map.of("therapistId", therapist.getId().toString(), "appointmentAt", "2026-11-02T10:00"));
        scenario.executeDueJobs(past.getId());
        assertDue(scenario.task(past, "Task_RecordSessionOutcome"), LocalDate.of(2026, 11, 26));
        scenario.complete(Journeys.COORDINATOR, past, "Task_RecordSessionOutcome",
                Map.of("sessionOutcome", "attended"));
        assertDue(scenario.task(past, "Task_CollectShortEvaluation"), LocalDate.of(2026, 11, 26));
    }

    @Test
    @DisplayName("X1: Record payment is due 4 weeks after the invoice date (R11); paid or not at 18:00 that day no fee, the fee from 00:00 the day after")
    void paymentAndLateFee() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance invoice = journeys.invoicedTreatmentInQ2(world, "Ivy Invoice", "Quinn Quarter", "2026-08-10T10:00");
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";
        assertThat(invoices.get(number).getIssueDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        Task payment = taskService.createTaskQuery().processInstanceId(invoice.getId()).singleResult();
        assertDue(payment, LocalDate.of(2026, 12, 20));

        Scenario.now(LocalDateTime.of(2026, 12, 20, 18, 0));
        assertThat(scenario.executeDueJobs(invoice.getId())).isZero();
        assertThat(invoices.get(number).getLateFeePence()).as("on the due day: on time").isZero();
        assertThat(overdue(payment)).as("not in the overdue filter on its due day").isFalse();

        Scenario.now(LocalDateTime.of(2026, 12, 21, 0, 1));
        scenario.executeDueJobs(invoice.getId());
        assertThat(invoices.get(number).getLateFeePence()).as("R11 the day after: late").isEqualTo(2000);
        assertThat(overdue(payment)).isTrue();
    }

    @Test
    @DisplayName("X1: contract management meeting tasks are due on their rule's day; preparation falling on a weekend or bank holiday moves to the working day before (C3, C4, C5, C7, C8)")
    void meetingTasks() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        Meeting world = meetingWorld("DM", LocalDate.of(2027, 6, 1));
        // Monday 11 January 2027: every preparation step counts back onto a weekend or a bank holiday
        ProcessInstance meeting = scenario.as(world.officer, () -> runtimeService.startProcessInstanceByKey(
                "contract-management-meeting", Map.of("serviceCode", world.serviceCode, "meetingDate", "2027-01-11")));
        scenario.executeDueJobs(meeting.getId());

        // C3 14 days before: Monday 28 December 2026 is the Boxing Day substitute holiday -> Thursday 24 December
        assertDue(scenario.task(meeting, "Task_InternalComplianceAudit"), LocalDate.of(2026, 12, 24));
        scenario.complete(world.officer, meeting, "Task_InternalComplianceAudit",
                Map.of("complaintsComments", "One complaint, resolved", "complaintsServiceUserImpact", "some"));
        Task clause = scenario.as(world.manager, () -> taskService.createTaskQuery().processInstanceId(meeting.getId())
                .taskDefinitionKey("Task_ReviewRiskClause").singleResult());
        scenario.as(world.manager, () -> {
            taskService.complete(clause.getId());
            return null;
        });
        // C4 10 days before: Friday 1 January 2027 is New Year's Day -> Thursday 31 December
        assertDue(scenario.task(meeting, "Task_DecideComplianceAudit"), LocalDate.of(2026, 12, 31));
        scenario.complete(world.manager, meeting, "Task_DecideComplianceAudit", Map.of("holdComplianceAudit", true,
                "involveStaff", true, "decisionReason", "Check the complaint's follow-up"));
        // C4 2 days before: Saturday 9 January -> Friday 8 January
        assertDue(scenario.task(meeting, "Task_ComplianceAuditWithProvider"), LocalDate.of(2027, 1, 8));
        scenario.complete(world.officer, meeting, "Task_ComplianceAuditWithProvider",
                Map.of("complaintsEvidence", "Resolved", "complaintsRevisedRisk", "Low"));
        scenario.executeDueJobs(meeting.getId());
        // C5 the day before: Sunday 10 January -> Friday 8 January
        assertDue(scenario.task(meeting, "Task_PrepareAgenda"), LocalDate.of(2027, 1, 8));
        scenario.complete(world.officer, meeting, "Task_PrepareAgenda",
                Map.of("agenda", runtimeService.getVariable(meeting.getId(), "agenda")));
        scenario.executeDueJobs(meeting.getId());
        // C5 5 working days after Monday 11 January
        assertDue(scenario.task(meeting, "Task_RecordMinutes"), LocalDate.of(2027, 1, 18));

        Scenario.now(LocalDateTime.of(2027, 1, 12, 9, 0));
        scenario.complete(world.officer, meeting, "Task_RecordMinutes", Map.of("heldOn", "2027-01-11",
                "minutes", "Discussed the complaint.", "actions", "Audit complaints log | Manager | 2027-03-01"));
        scenario.complete(world.manager, meeting, "Task_ReassignPriority",
                Map.of("newPriorityLevel", "AMBER", "priorityReason", "Steady"));
        scenario.executeDueJobs(meeting.getId());
        // C7 2 weeks after the minutes (Tuesday 12 January)
        assertDue(scenario.task(meeting, "Task_WriteImprovementPlan"), LocalDate.of(2027, 1, 26));
        // C8 28 days from the day the survey opens (12 January), whatever the time it opened
        assertDue(scenario.task(meeting, "Task_GiveFeedback"), LocalDate.of(2027, 2, 9));
        Job noAnswer = managementService.createJobQuery().processInstanceId(meeting.getId())
                .activityId("Event_NoFeedback").singleResult();
        assertThat(noAnswer.getDuedate()).as("the meeting closes without an answer once 9 February is over")
                .isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 2, 10)));

        Scenario.now(LocalDateTime.of(2027, 1, 14, 15, 0));
        scenario.complete(world.providerUser, meeting, "Task_WriteImprovementPlan",
                Map.of("improvementPlan", "Complaints log audited monthly."));
        // C7 5 working days after Thursday 14 January
        assertDue(scenario.task(meeting, "Task_AgreeImprovementPlan"), LocalDate.of(2027, 1, 21));
        scenario.complete(world.officer, meeting, "Task_AgreeImprovementPlan",
                Map.of("planDecision", "revise", "planReviewComments", "Say who audits it."));
        // C7 a returned plan is due again 2 weeks later
        assertDue(scenario.task(meeting, "Task_WriteImprovementPlan"), LocalDate.of(2027, 1, 28));
    }

    @Test
    @DisplayName("X1: Plan next contract management meeting is due 4 weeks before the meeting falls due, on the working day before when that is a weekend (C1, C2)")
    void planNextMeeting() {
        Scenario.now(LocalDateTime.of(2027, 5, 20, 9, 0));
        // due Sunday 11 July 2027: planning opens at once (within 8 weeks); 4 weeks before is Sunday 13 June
        Meeting world = meetingWorld("DN", LocalDate.of(2027, 7, 11));
        String key = planning.scheduleNext(world.serviceCode);
        ProcessInstance planner = runtimeService.createProcessInstanceQuery().processDefinitionKey("cmm-next-meeting")
                .processInstanceBusinessKey(key).singleResult();
        scenario.executeDueJobs(planner.getId());
        assertDue(scenario.task(planner, "Task_PlanNextMeeting"), LocalDate.of(2027, 6, 11));
    }

    @Test
    @DisplayName("X1: Submit PI return is due on the deadline (PI2), Check return 2 weeks after receipt (PI4), a resubmission 10 working days after the request (PI4); the reminder fires once the deadline day is over (PI7)")
    void piReturnTasks() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        Meeting world = meetingWorld("DR", LocalDate.of(2027, 6, 1));
        workbooks.issue(world.serviceCode, "2026/27", page(), null, null, world.officer);
        ProcessInstance pi = requestReturn(world, 3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        Task submit = scenario.task(pi, "Task_SubmitReturn");
        assertDue(submit, LocalDate.of(2027, 1, 28));
        Job reminder = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId("StartEvent_DeadlinePassed").singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 1, 29)));

        Scenario.now(LocalDateTime.of(2027, 1, 28, 18, 0));
        assertThat(overdue(submit)).as("not overdue at 18:00 on the deadline day").isFalse();
        scenario.complete(world.providerUser, pi, "Task_SubmitReturn", returnForm());
        assertThat(returns.get(pi.getBusinessKey()).isLate()).as("PI7 sent at 18:00 on the deadline: on time")
                .isFalse();
        assertDue(scenario.task(pi, "Task_CheckReturn"), LocalDate.of(2027, 2, 11));

        Scenario.now(LocalDateTime.of(2027, 1, 29, 9, 0));
        scenario.complete(world.officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "incomplete",
                "requestToProvider", "Add the local PIs."));
        scenario.executeDueJobs(pi.getId());
        // PI4 10 working days after Friday 29 January
        assertDue(scenario.task(pi, "Task_SubmitReturn"), LocalDate.of(2027, 2, 12));
    }

    @Test
    @DisplayName("X1: a PI return sent at 00:01 the day after its deadline is late (PI7), and its task is overdue from 00:00")
    void piReturnLateAtMidnight() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        Meeting world = meetingWorld("DL", LocalDate.of(2027, 6, 1));
        workbooks.issue(world.serviceCode, "2026/27", page(), null, null, world.officer);
        ProcessInstance pi = requestReturn(world, 3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        Task submit = scenario.task(pi, "Task_SubmitReturn");

        Scenario.now(LocalDateTime.of(2027, 1, 29, 0, 1));
        assertThat(overdue(submit)).isTrue();
        scenario.complete(world.providerUser, pi, "Task_SubmitReturn", returnForm());
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isTrue();
    }

    /** The task's due date, in care.zone, is the rule's day at the project's due time (X1). */
    private static void assertDue(Task task, LocalDate ruleDate) {
        assertThat(task).as("an open task").isNotNull();
        assertThat(task.getDueDate()).as(task.getTaskDefinitionKey() + " has a due date").isNotNull();
        ZonedDateTime due = task.getDueDate().toInstant().atZone(CARE_ZONE);
        assertThat(due.toLocalDate()).as(task.getTaskDefinitionKey() + " due on the rule's day").isEqualTo(ruleDate);
        assertThat(due.toLocalTime()).as(task.getTaskDefinitionKey() + " due at the end of that day")
                .isEqualTo(DUE_TIME);
    }

    /** What Tasklist's overdue filter asks: due before now. */
    private boolean overdue(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).dueBefore(new Date(ClockUtil.getCurrentTime()
                .getTime())).count() == 1;
    }

    private Meeting meetingWorld(String prefix, LocalDate nextMeetingDue) {
        String code = Scenario.uniqueCode(prefix);
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@provider.example"));
        Meeting world = new Meeting("S" + code, "x1-po-" + code.toLowerCase(), "x1-cm-" + code.toLowerCase(),
                "x1-prov-" + code.toLowerCase());
        scenario.user(world.officer, "purchasing-officer");
        scenario.user(world.manager, "contracts-manager");
        scenario.user(world.providerUser, "provider", provider.getGroupId());
        services.register(world.serviceCode, "Floating support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, world.officer, nextMeetingDue);
        return world;
    }

    private ProcessInstance requestReturn(Meeting world, int quarter, String deadline) {
        return scenario.as(world.officer, () -> runtimeService.startProcessInstanceByKey("pi-return", Map.of(
                "serviceCode", world.serviceCode, "reportingYear", "2026/27", "quarter", quarter, "deadline", deadline)));
    }

    private static Map<String, Object> returnForm() {
        return new HashMap<>(Map.of("dccCode", "DCC-2026", "unitsReported", 20, "kpi1", 93, "spi1", 96, "spi2", 93,
                "spi3", 95, "spi4", 90, "localPis", "All complete"));
    }

    private static ContractPage page() {
        return new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2", true, "A. Manager",
                new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5"));
    }

    private record Meeting(String serviceCode, String officer, String manager, String providerUser) {
    }
}
