package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.variable;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.consultation.ConsultationBeans;
import org.carecommissioning.consultation.Consultations;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.performance.PerformanceBeans;
import org.carecommissioning.performance.PiReturns;
import org.carecommissioning.quality.QafComplianceSummary;
import org.carecommissioning.quality.QualityBeans;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.Deadlines;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.carecommissioning.support.MailRetries;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * processes/contract-management-meeting.bpmn with the REAL cmm-frequency decision table (dmn/cmm-frequency.dmn), on
 * a plain in-memory engine, with the REAL delegate and listener beans of this package registered under their bean
 * names with Camunda's {@link Mocks}. The services they call ({@link MeetingService}, {@link MeetingPlanning},
 * {@link ImprovementPlan}, {@link ContractServices}, {@link NotificationService} behind the real {@link MeetingMails},
 * {@link WorkingDayCalendar}) are Mockito mocks; the meeting and its service are real entities the stubs hand back.
 * Each test walks one path and asserts the path, the variables the delegates write and the service calls they
 * make; the rules themselves are the services' and are tested in ContractManagementMeetingTest, ImprovementPlanTest
 * and MeetingPlanningTest. Every path of the model is walked: set-up letter to feedback, with and without concerns,
 * audit and CSG escalation, moved to RED or not, feedback answered or timed out, improvement plan needed or not.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/contract-management-meeting.bpmn",
        "dmn/cmm-frequency.dmn"})
@DisplayName("contract management meeting process with the real cmm-frequency table (C1-C8, X1-X3)")
class ContractManagementMeetingProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "contract-management-meeting";
    private static final long MEETING_ID = 42L;
    private static final String SERVICE_CODE = "SP101";
    /** The id of the service the meeting is about, as ContractServices.byCode gives it to the summary. */
    private static final long SUMMARISED_SERVICE_ID = 7L;
    private static final String SERVICE_NAME = "Floating support North";
    private static final String OFFICER = "pat.officer";
    private static final String PROVIDER_GROUP = "pr-hope";
    private static final String PROVIDER_EMAIL = "hope@provider.example";
    private static final String CSG_EMAIL = "csg@commissioning.example";
    /** Planned on Monday 2 November 2026 for Thursday 14 January 2027: more than 4 weeks' notice (C2). */
    private static final LocalDate MEETING_DATE = LocalDate.of(2027, 1, 14);
    private static final String REFERENCE = "CMM-SP101-20270114";
    /** X1: every due date is the rule's day at 23:59:59 in London (ProcessDates.endOfDay). */
    private static final Date INTERNAL_AUDIT_DUE = london("2026-12-31T23:59:59");
    /** C4: the audit decision a week before the audit with the provider can be held, 10 days before the meeting. */
    private static final Date AUDIT_DECISION_DUE = london("2027-01-04T23:59:59");
    private static final Date PROVIDER_AUDIT_DUE = london("2027-01-12T23:59:59");
    private static final Date AGENDA_DUE = london("2027-01-13T23:59:59");
    /** Five working days after Thursday 14 January 2027 (no bank holiday in between): Thursday 21 January. */
    private static final Date MINUTES_DUE_AT = london("2027-01-21T23:59:59");
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PRIORITY_REASON = "Reviewed at the meeting";
    private static final String STAFFING_GAP = "Close the staffing gap | Hope Housing | 2026-12-31";
    /** C1 X3: the months the real cmm-frequency table gives, and the next meeting due from the meeting date. */
    private static final Map<String, Integer> MONTHS = Map.of("GREEN", 12, "AMBER", 6, "RED", 3);

    private static final Map<String, String> TITLES = Map.of(
            "qaf", "Quality Assessment Framework",
            "complaints", "Complaints or compliments received directly by Social Services",
            "staff", "Staff training plan in place and delivered",
            "piReturns", "Performance indicators returned on time");

    private MeetingService meetings;
    private MeetingPlanning planning;
    private ContractServices services;
    private NotificationService notifications;
    private ImprovementPlan improvementPlan;
    /** PI8: the returns the real performanceSummaryDelegate (built with PerformanceBeans) summarises. */
    private PiReturns piReturns;

    /** The service's priority level before this meeting (ContractedService.priorityLevel). */
    private PriorityLevel servicePriority = PriorityLevel.AMBER;
    /** The risk of each Medium or High clause as the compliance-risk-level table gives it (C3), test data. */
    private Map<String, String> clauseRisks = new LinkedHashMap<>();
    /** Open actions of the service's improvement plan before this meeting (C7). */
    private int openActionsBefore;
    /** The real entities MeetingService.plan hands back. */
    private ContractedService service;
    private Meeting meetingRecord;

    @BeforeEach
    void registerDelegatesWithMockedServices() throws Exception {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        meetings = mock(MeetingService.class);
        planning = mock(MeetingPlanning.class);
        services = mock(ContractServices.class);
        notifications = mock(NotificationService.class);
        improvementPlan = mock(ImprovementPlan.class);
        WorkingDayCalendar calendar = mock(WorkingDayCalendar.class);
        // Weekends only: no England-and-Wales bank holiday falls in the weeks these tests use.
        when(calendar.workingDayOnOrBefore(any())).thenAnswer(invocation -> invocation.getArgument(0));
        when(calendar.plusWorkingDays(any(), anyInt()))
                .thenAnswer(invocation -> plusWorkingDays(invocation.getArgument(0), invocation.getArgument(1)));
        CareProperties care = mock(CareProperties.class);
        when(care.zone()).thenReturn(LONDON);
        ContractManagementProperties management = mock(ContractManagementProperties.class);
        when(management.csgEmail()).thenReturn(CSG_EMAIL);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);

        Organisation provider = mock(Organisation.class);
        when(provider.getName()).thenReturn("Hope Housing");
        when(provider.getGroupId()).thenReturn(PROVIDER_GROUP);
        when(provider.getEmail()).thenReturn(PROVIDER_EMAIL);
        when(services.providerOf(any())).thenReturn(provider);
        when(meetings.plan(any(), any(), any())).thenAnswer(invocation -> {
            String code = invocation.getArgument(0);
            LocalDate date = invocation.getArgument(1);
            MeetingService.requireNotice(date, TestClock.today()); // the real C2 rule the service applies
            service = new ContractedService(code, SERVICE_NAME, 7L, "Single homeless", "Floating support",
                    servicePriority, OFFICER, date);
            meetingRecord = new Meeting("CMM-" + code + "-" + KEY_DATE.format(date), service, date,
                    invocation.getArgument(2), TestClock.now());
            ReflectionTestUtils.setField(meetingRecord, "id", MEETING_ID);
            return meetingRecord;
        });
        when(meetings.get(MEETING_ID)).thenAnswer(invocation -> meetingRecord);
        when(meetings.clause(eq(MEETING_ID), anyString())).thenAnswer(invocation -> {
            String code = invocation.getArgument(1);
            return new ComplianceClause(MEETING_ID, code, TITLES.get(code), "Comments on " + code,
                    RiskLevel.valueOf(clauseRisks.get(code)));
        });
        when(meetings.draftAgenda(MEETING_ID)).thenAnswer(invocation -> new MeetingService.AgendaDraft(
                "Contract management meeting " + REFERENCE + " on " + MEETING_DATE,
                openActionsBefore == 0 ? List.of() : List.of(STAFFING_GAP), riskSummaryLines()));
        when(meetings.sendAgenda(eq(MEETING_ID), any())).thenAnswer(invocation -> {
            meetingRecord.sendAgenda(invocation.getArgument(1), TestClock.now());
            return meetingRecord;
        });
        when(improvementPlan.decide(eq(MEETING_ID), any(), any(), any()))
                .thenAnswer(invocation -> invocation.<PlanAgreement>getArgument(2).agreed());
        piReturns = mock(PiReturns.class);
        ContractedService summarised = mock(ContractedService.class);
        when(summarised.getId()).thenReturn(SUMMARISED_SERVICE_ID);
        when(services.byCode(SERVICE_CODE)).thenReturn(summarised);
        when(piReturns.rollingTwelveMonths(SUMMARISED_SERVICE_ID))
                .thenReturn("2026-27 Q1: accepted, no trigger missed\n2026-27 Q2: SPI2 utilisation 81%");

        // the real beans, under the names the model's expressions use
        MeetingMails mails = new MeetingMails(meetings, services, notifications, management);
        // the survey's due date and timer, ${deadlines.endOfDayIn(28)} and ${deadlines.dayOverIn(28)}
        Mocks.register("deadlines", new Deadlines(LONDON));
        Mocks.register("planMeetingDelegate", new PlanMeetingDelegate(meetings, services, calendar, care, planning));
        Mocks.register("setUpLetterMailDelegate", new SetUpLetterMailDelegate(mails));
        Mocks.register("performanceSummaryDelegate", PerformanceBeans.performanceSummary(piReturns, services));
        QafComplianceSummary qafSummary = mock(QafComplianceSummary.class);
        when(qafSummary.forService(eq(SERVICE_CODE), any())).thenReturn("QAF 2026/27 returned on time; validated by"
                + " visit (grade A claimed); every objective C or above.");
        Mocks.register("qafClauseSummaryListener", QualityBeans.qafClauseSummary(qafSummary, clock));
        Consultations consultations = mock(Consultations.class);
        when(consultations.clauseSummary(eq(SERVICE_CODE), any())).thenReturn("Last consulted: report issued 12 March"
                + " 2026 (SUC-SP101-2025): users value the key workers. Next consultation due by 12 March 2028.");
        Mocks.register("consultationClauseSummaryListener", ConsultationBeans.consultationClauseSummary(consultations,
                clock));
        Mocks.register("assessClauseRisksDelegate", new AssessClauseRisksDelegate(meetings));
        Mocks.register("riskClauseReviewListener", new RiskClauseReviewListener(meetings));
        Mocks.register("recordAuditDecisionDelegate", new RecordAuditDecisionDelegate(meetings));
        Mocks.register("recordRevisedRisksDelegate", new RecordRevisedRisksDelegate(meetings));
        Mocks.register("csgEscalationMailDelegate", new CsgEscalationMailDelegate(mails));
        Mocks.register("draftAgendaDelegate", new DraftAgendaDelegate(meetings));
        Mocks.register("recordAgendaDelegate", new RecordAgendaDelegate(meetings));
        Mocks.register("agendaMailDelegate", new AgendaMailDelegate(mails));
        Mocks.register("registerMinutesDelegate", new RegisterMinutesDelegate(meetings, care, clock));
        Mocks.register("applyPriorityDelegate", new ApplyPriorityDelegate(meetings));
        Mocks.register("recordDefaultNoticeDecisionDelegate", new RecordDefaultNoticeDecisionDelegate(meetings));
        Mocks.register("scheduleNextMeetingDelegate", new ScheduleNextMeetingDelegate(planning));
        Mocks.register("feedbackRequestMailDelegate", new FeedbackRequestMailDelegate(mails));
        Mocks.register("recordFeedbackDelegate", new RecordFeedbackDelegate(meetings));
        Mocks.register("closeMeetingDelegate", new CloseMeetingDelegate(meetings));
        Mocks.register("recordImprovementPlanDelegate",
                new RecordImprovementPlanDelegate(improvementPlan, calendar, care, clock));
        Mocks.register("recordPlanAgreementDelegate", new RecordPlanAgreementDelegate(improvementPlan, care, clock));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    /** The e-mails sent (or tried, while the mail server is down) with a template, in order. */
    private List<Email> mails(String template) {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream().filter(email -> template.equals(email.template())).toList();
    }

    private static Map<String, Object> model(Email email) {
        return new LinkedHashMap<>(email.model());
    }

    private List<String> riskSummaryLines() {
        return clauseRisks.entrySet().stream()
                .filter(e -> !"Low".equals(e.getValue()))
                .map(e -> e.getValue() + ": " + TITLES.get(e.getKey()))
                .toList();
    }

    /** Weekends only: no England-and-Wales bank holiday falls in the weeks these tests use. */
    private static LocalDate plusWorkingDays(LocalDate day, int workingDays) {
        LocalDate result = day;
        for (int left = workingDays; left > 0; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return result;
    }

    private static Job asyncJobAt(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).messages().activityId(activityId).singleResult();
        assertThat(job).as("async continuation job of " + activityId).isNotNull();
        assertThat(job).hasRetries(5); // failedJobRetryTimeCycle R5/PT5M
        return job;
    }

    private static Job timerAt(ProcessInstance instance, String activityId) {
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(timer).as("timer job of " + activityId).isNotNull();
        return timer;
    }

    private static List<Task> tasks(ProcessInstance instance, String taskDefinitionKey) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
                .orderByTaskCreateTime().asc().list();
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    /** C1, C2: the purchasing officer plans the service's meeting from the start form. */
    private ProcessInstance planMeeting(String meetingDate) {
        identityService().setAuthenticatedUserId(OFFICER);
        try {
            return runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                    "serviceCode", SERVICE_CODE, "meetingDate", meetingDate));
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** Plans the meeting and sends the set-up letter (async, X2); returns the instance at the internal audit. */
    private ProcessInstance plannedAndLetterSent() throws Exception {
        ProcessInstance meeting = planMeeting(MEETING_DATE.toString());
        assertThat(meeting).hasBusinessKey(REFERENCE).isWaitingAtExactly("SubProcess_Preparation", "Task_SendSetUpLetter");
        verify(meetings).plan(SERVICE_CODE, MEETING_DATE, OFFICER);
        verify(planning).meetingPlanned(SERVICE_CODE, null);
        assertThat(mails("cmm-set-up-letter")).isEmpty();
        verify(piReturns, never().description("nothing after the letter until it is sent")).rollingTwelveMonths(any());
        execute(asyncJobAt(meeting, "Task_SendSetUpLetter"));
        assertThat(mails("cmm-set-up-letter")).singleElement().satisfies(letter -> {
            assertThat(letter.to()).isEqualTo(PROVIDER_EMAIL);
            assertThat(model(letter)).containsEntry("meetingReference", REFERENCE)
                    .containsEntry("serviceCode", SERVICE_CODE).containsEntry("providerName", "Hope Housing");
        });
        verify(piReturns).rollingTwelveMonths(SUMMARISED_SERVICE_ID);
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_InternalComplianceAudit");
        return meeting;
    }

    /** C3: the officer's desk-top review; {@code risks} are the clauses the risk table puts at Medium or High. */
    private void internalAudit(ProcessInstance meeting, Map<String, String> risks) {
        clauseRisks = new LinkedHashMap<>(risks);
        Map<String, RiskLevel> every = new LinkedHashMap<>();
        risks.forEach((code, risk) -> every.put(code, RiskLevel.valueOf(risk)));
        every.put("piReturns", RiskLevel.Low);
        when(meetings.assessRisks(eq(MEETING_ID), anyMap())).thenReturn(new MeetingService.RiskAssessment(
                new ArrayList<>(risks.keySet()), riskSummaryLines(), every));
        TestClock.setTo("2026-12-20T10:00");
        Task audit = task(meeting);
        assertThat(audit).hasDefinitionKey("Task_InternalComplianceAudit")
                .isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(INTERNAL_AUDIT_DUE);
        Map<String, Object> answers = new LinkedHashMap<>();
        risks.keySet().forEach(code -> {
            answers.put(code + "Complied", false);
            answers.put(code + "Comments", "Comments on " + code);
        });
        answers.put("piReturnsComplied", true);
        complete(audit, answers);
        verify(meetings).assessRisks(eq(MEETING_ID),
                argThat(form -> form.entrySet().containsAll(answers.entrySet())));
        assertThat(variable(meeting, "concernCount")).isEqualTo(risks.size());
        assertThat(variable(meeting, "riskClauseCodes")).isEqualTo(new ArrayList<>(risks.keySet()));
        assertThat(variable(meeting, "piReturnsRisk")).isEqualTo("Low");
        risks.forEach((code, risk) -> assertThat(variable(meeting, code + "Risk")).isEqualTo(risk));
        assertThat(variable(meeting, "riskSummary")).isEqualTo(String.join("\n", riskSummaryLines()));
    }

    /** C3: every Medium or High clause's review task, completed with the contracts manager's note. */
    private List<Task> reviewEveryRiskClause(ProcessInstance meeting) {
        List<Task> reviews = tasks(meeting, "Task_ReviewRiskClause");
        for (Task review : reviews) {
            String code = (String) taskService().getVariable(review.getId(), "clauseCode");
            complete(review, withVariables("managerNote", "Noted " + code));
            verify(meetings).noteClause(MEETING_ID, code, "Noted " + code);
        }
        return reviews;
    }

    /** C4: the contracts manager's decision on an audit with the provider. */
    private void decideAudit(ProcessInstance meeting, boolean hold) {
        TestClock.setTo("2026-12-28T10:00");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_DecideComplianceAudit");
        Task decide = task(meeting);
        assertThat(decide).hasCandidateGroup("contracts-manager").isNotAssigned().hasDueDate(AUDIT_DECISION_DUE);
        complete(decide, hold
                ? withVariables("holdComplianceAudit", true, "involveServiceUsers", true, "involveStaff", false,
                        "involveStakeholders", false, "decisionReason", "Safeguarding concern needs evidence")
                : withVariables("holdComplianceAudit", false, "decisionReason", "Evidence on file is enough"));
        verify(meetings).decideAudit(MEETING_ID, hold
                ? new MeetingService.AuditDecision(true, true, false, false, null, "Safeguarding concern needs evidence")
                : new MeetingService.AuditDecision(false, false, false, false, null, "Evidence on file is enough"));
        assertThat(variable(meeting, "holdComplianceAudit")).isEqualTo(hold);
    }

    /**
     * C4: the audit with the provider gives each concern clause a revised risk; {@code escalated} are the titles
     * MeetingService reports as moved from Medium to High.
     */
    private void auditWithProvider(ProcessInstance meeting, Map<String, String> revisedRisks, List<String> escalated) {
        List<String> codes = new ArrayList<>(clauseRisks.keySet());
        clauseRisks.putAll(revisedRisks);
        when(meetings.reviseRisks(eq(MEETING_ID), eq(codes), anyMap()))
                .thenReturn(new MeetingService.RevisedRisks(escalated, riskSummaryLines()));
        TestClock.setTo("2027-01-08T10:00");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_ComplianceAuditWithProvider");
        Task audit = task(meeting);
        assertThat(audit).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(PROVIDER_AUDIT_DUE);
        Map<String, Object> answers = new LinkedHashMap<>();
        revisedRisks.forEach((code, risk) -> {
            answers.put(code + "Evidence", "Evidence seen for " + code);
            answers.put(code + "RevisedRisk", risk);
        });
        complete(audit, answers);
        verify(meetings).reviseRisks(eq(MEETING_ID), eq(codes),
                argThat(form -> form.entrySet().containsAll(answers.entrySet())));
        assertThat(variable(meeting, "escalatedClauses")).isEqualTo(escalated);
        assertThat(variable(meeting, "riskEscalated")).isEqualTo(!escalated.isEmpty());
    }

    /** C5, X1, X2: the agenda is due the day before the meeting and mailed to the provider (async). */
    private void agendaSent(ProcessInstance meeting) {
        TestClock.setTo("2027-01-12T10:00");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_PrepareAgenda");
        verify(meetings).draftAgenda(MEETING_ID);
        Task agenda = task(meeting);
        assertThat(agenda).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(AGENDA_DUE);
        assertThat(agenda.getDueDate()).isEqualTo(ProcessDates.endOfDay(MEETING_DATE.minusDays(1), LONDON));
        assertThat((String) variable(meeting, "agenda")).startsWith("Contract management meeting " + REFERENCE);
        String finalAgenda = variable(meeting, "agenda") + "\n10. Date of the next meeting";
        complete(agenda, withVariables("agenda", finalAgenda));
        verify(meetings).sendAgenda(MEETING_ID, finalAgenda);
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_SendAgenda");
        assertThat(mails("cmm-agenda")).isEmpty();
        execute(asyncJobAt(meeting, "Task_SendAgenda"));
        assertThat(mails("cmm-agenda")).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(PROVIDER_EMAIL);
            assertThat(model(mail)).containsEntry("agenda", finalAgenda);
        });
        assertThat(meeting).isWaitingAtExactly("SubProcess_Meeting", "Task_RecordMinutes");
    }

    /** C5, X1: the minutes are due five working days after the meeting; their actions make the plan (C7). */
    private void minutesRecorded(ProcessInstance meeting, String actions) {
        List<String> agreed = actions.lines().filter(line -> !line.isBlank()).toList();
        List<String> open = new ArrayList<>(agreed);
        if (openActionsBefore > 0) {
            open.add(0, STAFFING_GAP);
        }
        when(meetings.registerMinutes(eq(MEETING_ID), eq(MEETING_DATE), eq("Discussed the agenda."), any()))
                .thenReturn(new MeetingService.MinutesRecorded(agreed.size(), open));
        TestClock.setTo("2027-01-18T10:00");
        Task minutes = task(meeting);
        assertThat(minutes).hasDefinitionKey("Task_RecordMinutes").isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(MINUTES_DUE_AT);
        complete(minutes, withVariables("heldOn", MEETING_DATE.toString(), "minutes", "Discussed the agenda.",
                "actions", actions));
        verify(meetings).registerMinutes(MEETING_ID, MEETING_DATE, "Discussed the agenda.",
                actions.isBlank() ? null : actions.trim());
        assertThat(variable(meeting, "actionsAgreed")).isEqualTo(agreed.size());
        assertThat(variable(meeting, "openActionCount")).isEqualTo(open.size());
        assertThat(variable(meeting, "openActions")).isEqualTo(String.join("\n", open));
        // C7, X1: the improvement plan is due 2 weeks after the minutes
        assertThat(variable(meeting, "improvementPlanDueAt")).isEqualTo(london("2027-02-01T23:59:59"));
        assertThat(meeting).isWaitingAtExactly("SubProcess_Meeting", "Task_ReassignPriority");
    }

    /**
     * C6: the officer and the contracts manager reassign the priority level with a reason; MeetingService moves the
     * service's next meeting the table's months on from the meeting, and MeetingPlanning starts the wait for it.
     */
    private void reassignPriority(ProcessInstance meeting, String level) {
        PriorityLevel newLevel = PriorityLevel.valueOf(level);
        LocalDate nextDue = MEETING_DATE.plusMonths(MONTHS.get(level));
        boolean audits = newLevel == PriorityLevel.RED;
        when(meetings.reassignPriority(MEETING_ID, newLevel, PRIORITY_REASON, audits, MONTHS.get(level)))
                .thenAnswer(invocation -> {
                    meetingRecord.reprioritise(newLevel, PRIORITY_REASON, audits);
                    service.reprioritise(newLevel, nextDue);
                    return meetingRecord;
                });
        when(planning.scheduleNext(SERVICE_CODE)).thenReturn("PLAN-" + SERVICE_CODE + "-" + KEY_DATE.format(nextDue));
        TestClock.setTo("2027-01-19T11:00");
        Task reassign = task(meeting);
        // hole 4: the service's own officer and the contracts managers, not every officer
        assertThat(reassign).hasDefinitionKey("Task_ReassignPriority")
                .isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager");
        complete(reassign, withVariables("newPriorityLevel", level, "priorityReason", PRIORITY_REASON,
                "unannouncedAudits", audits));
        verify(meetings).reassignPriority(MEETING_ID, newLevel, PRIORITY_REASON, audits, MONTHS.get(level));
        assertThat(variable(meeting, "priorityLevel")).isEqualTo(level);
        assertThat(variable(meeting, "nextMeetingDue")).isEqualTo(nextDue.toString());
    }

    /**
     * C8, X2, X1: the survey mail (async) opens the follow-up's branches: the provider's "Give feedback" task, due at the
     * end of the 28th day from the day it opens (the meeting closes without it once that day is over), and the
     * improvement plan when actions are open.
     */
    private Task feedbackRequested(ProcessInstance meeting) {
        Job mail = asyncJobAt(meeting, "Task_RequestFeedback");
        assertThat(mails("cmm-feedback-request")).isEmpty();
        execute(mail);
        assertThat(mails("cmm-feedback-request")).singleElement()
                .satisfies(survey -> assertThat(survey.to()).isEqualTo(PROVIDER_EMAIL));
        Task feedback = task("Task_GiveFeedback", meeting);
        assertThat(feedback).hasCandidateGroup(PROVIDER_GROUP).isNotAssigned()
                .hasDueDate(london("2027-02-16T23:59:59"));
        Job noAnswer = timerAt(meeting, "Event_NoFeedback");
        assertThat(noAnswer.getDuedate()).as("the boundary timer falls due once the task's due day is over")
                .isEqualTo(london("2027-02-17T00:00"));
        return feedback;
    }

    private void answerFeedback(Task feedback) {
        complete(feedback, withVariables("preparationRating", 4, "conductRating", 5, "usefulnessRating", 3,
                "feedbackComments", "Well prepared"));
    }

    /** From the start to the agenda with no Medium or High clause (the shortest preparation, C3). */
    private ProcessInstance preparedWithoutConcerns() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of());
        agendaSent(meeting);
        return meeting;
    }

    // --- C2 and the set-up letter ---------------------------------------------------------------------------------

    @Test
    @DisplayName("C2 a meeting less than 4 weeks ahead is refused on the start form and nothing starts")
    void meetingTooSoonIsRefused() throws Exception {
        assertThatThrownBy(() -> planMeeting("2026-11-29"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C2: The provider must be told at least 4 weeks before the meeting; choose a date on or"
                        + " after 2026-11-30.");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("no set-up letter waits to be sent").isZero();
        assertThat(mails("cmm-set-up-letter")).isEmpty();

        // Exactly 4 weeks ahead is allowed.
        ProcessInstance meeting = planMeeting("2026-11-30");
        assertThat(meeting).hasBusinessKey("CMM-SP101-20261130")
                .isWaitingAtExactly("SubProcess_Preparation", "Task_SendSetUpLetter");
    }

    @Test
    @DisplayName("C2 C3 Q2 U1 U7 X1 X2 the set-up letter is an async mail with 5 retries; then the 12-month performance "
            + "summary and the internal audit (its QAF clause from the QAF records, its Service users clause from the "
            + "consultations), assigned to the purchasing officer "
            + "and due two weeks before the meeting")
    void setUpLetterThenSummaryThenInternalAudit() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();

        assertThat(variable(meeting, "plannedBy")).as("camunda:initiator").isEqualTo(OFFICER);
        assertThat(variable(meeting, "meetingDate")).isEqualTo("2027-01-14");
        assertThat(meeting).hasPassedInOrder("StartEvent_MeetingRequested", "Task_PlanMeeting",
                "Task_SendSetUpLetter", "Task_SummarisePerformance");
        assertThat(variable(meeting, "performanceSummary"))
                .isEqualTo("2026-27 Q1: accepted, no trigger missed\n2026-27 Q2: SPI2 utilisation 81%");
        assertThat(variable(meeting, "internalAuditDueAt")).isEqualTo(INTERNAL_AUDIT_DUE);
        assertThat(variable(meeting, "qafClauseSummary")).as("Q2: the QAF clause shows the QAF records")
                .isEqualTo("QAF 2026/27 returned on time; validated by visit (grade A claimed); every objective C or"
                        + " above.");
        assertThat(variable(meeting, "serviceUsersClauseSummary")).as("U1 U7: the Service users clause shows the"
                + " consultation records").isEqualTo("Last consulted: report issued 12 March 2026 (SUC-SP101-2025): users"
                + " value the key workers. Next consultation due by 12 March 2028.");
        Task audit = task(meeting);
        assertThat(audit).hasDefinitionKey("Task_InternalComplianceAudit")
                .hasName("Internal compliance audit")
                .isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(INTERNAL_AUDIT_DUE);
        assertThat(jobQuery().processInstanceId(meeting.getId()).count()).as("the letter job is gone").isZero();
    }

    @Test
    @DisplayName("X2 a failing set-up letter is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "once the mail server is back and the job retried, the letter is sent exactly once and the meeting goes on")
    void failedSetUpLetterIsRetriedAndNeverLost() throws Exception {
        ProcessInstance meeting = planMeeting(MEETING_DATE.toString());
        Job mail = MailRetries.failUntilIncident(meeting, "Task_SendSetUpLetter", notifications);
        assertThat(mails("cmm-set-up-letter")).as("5 failed attempts").hasSize(5);
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_SendSetUpLetter");
        verify(piReturns, never()).rollingTwelveMonths(any());

        managementService().setJobRetries(mail.getId(), 1);
        execute(jobQuery().processInstanceId(meeting.getId()).activityId("Task_SendSetUpLetter").singleResult());

        assertThat(mails("cmm-set-up-letter")).as("5 failed attempts, then the letter sent once").hasSize(6);
        verify(piReturns).rollingTwelveMonths(SUMMARISED_SERVICE_ID);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(meeting.getId()).count()).isZero();
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_InternalComplianceAudit");
    }

    // --- C3, C4 preparation ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("C3 C5 no Medium or High clause: from the internal audit straight to the agenda, with no clause "
            + "review, no audit decision and no CSG report")
    void noConcernGoesStraightToTheAgenda() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of());

        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_PrepareAgenda")
                .hasPassedInOrder("Task_InternalComplianceAudit", "Task_AssessClauseRisks", "Gateway_AnyConcerns",
                        "Gateway_PreparationDone", "Task_DraftAgenda")
                .hasNotPassed("Task_ReviewRiskClause", "Task_DecideComplianceAudit", "Task_RecordAuditDecision",
                        "Task_ComplianceAuditWithProvider", "Task_ReportToCsg");
        verify(meetings, never()).clause(any(), any());
        verify(meetings, never()).decideAudit(any(), any(MeetingService.AuditDecision.class));
        assertThat(variable(meeting, "riskClauseCodes")).isEqualTo(List.of());
    }

    @Test
    @DisplayName("C3 one 'Review risk clause' task per Medium or High clause, each for the contracts manager with "
            + "the clause's risk; once all are reviewed the audit decision opens (C4)")
    void oneReviewTaskPerMediumOrHighClause() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium", "complaints", "High", "staff", "Medium"));

        assertThat(meeting).isWaitingAt("Task_ReviewRiskClause").isNotEnded();
        List<Task> reviews = tasks(meeting, "Task_ReviewRiskClause");
        assertThat(reviews).hasSize(3);
        List<String> codes = new ArrayList<>();
        for (Task review : reviews) {
            assertThat(review).hasName("Review risk clause").hasCandidateGroup("contracts-manager").isNotAssigned();
            String code = (String) taskService().getVariable(review.getId(), "clauseCode");
            codes.add(code);
            assertThat(taskService().getVariableLocal(review.getId(), "clauseRisk")).isEqualTo(clauseRisks.get(code));
            assertThat(taskService().getVariableLocal(review.getId(), "clauseTitle")).isEqualTo(TITLES.get(code));
        }
        assertThat(codes).containsExactlyInAnyOrder("qaf", "complaints", "staff");
        verify(meetings, times(3)).clause(eq(MEETING_ID), anyString());
        verify(meetings, never()).noteClause(any(), any(), any());

        // Two reviewed: the decision waits for the third.
        complete(reviews.get(0), withVariables("managerNote", "Seen"));
        complete(reviews.get(1), withVariables("managerNote", "Seen too"));
        assertThat(meeting).isWaitingAt("Task_ReviewRiskClause").isNotEnded();
        assertThat(tasks(meeting, "Task_ReviewRiskClause")).hasSize(1);
        assertThat(variable(meeting, "managerNote")).as("each note is cleared for the next clause").isNull();
        complete(tasks(meeting, "Task_ReviewRiskClause").get(0), withVariables("managerNote", "Ask for evidence"));

        ArgumentCaptor<String> notes = ArgumentCaptor.forClass(String.class);
        verify(meetings, times(3)).noteClause(eq(MEETING_ID), anyString(), notes.capture());
        assertThat(notes.getAllValues()).containsExactly("Seen", "Seen too", "Ask for evidence");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_DecideComplianceAudit");
        assertThat(task(meeting)).hasCandidateGroup("contracts-manager").hasDueDate(AUDIT_DECISION_DUE);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(meeting.getId())
                .taskDefinitionKey("Task_ReviewRiskClause").finished().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("C4 C5 the contracts manager decides against an audit with the provider: straight to the agenda")
    void noAuditWithTheProvider() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium"));
        assertThat(reviewEveryRiskClause(meeting)).hasSize(1);
        decideAudit(meeting, false);

        verify(meetings, never()).reviseRisks(any(), any(), any());
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_PrepareAgenda")
                .hasPassedInOrder("Task_RecordAuditDecision", "Gateway_HoldAudit", "Gateway_PreparationDone",
                        "Task_DraftAgenda")
                .hasNotPassed("Task_ComplianceAuditWithProvider", "Task_RecordRevisedRisks", "Task_ReportToCsg");
    }

    @Test
    @DisplayName("C4 the audit decision without a reason is refused and the decision task stays open")
    void auditDecisionNeedsAReason() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "High"));
        reviewEveryRiskClause(meeting);
        Task decide = task(meeting);

        when(meetings.decideAudit(eq(MEETING_ID), argThat((MeetingService.AuditDecision d) -> d.reason() == null)))
                .thenThrow(new BusinessRuleViolation("C4", "Record the reason for the decision (if there is no audit"
                        + " or no consultation, justify why)."));

        assertThatThrownBy(() -> complete(decide, withVariables("holdComplianceAudit", true)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("C4: Record the reason for the decision");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_DecideComplianceAudit");
        assertThat(task(meeting).getId()).isEqualTo(decide.getId());
    }

    @Test
    @DisplayName("C4 X2 a clause moving from Medium to High after the audit with the provider is reported to the "
            + "CSG by an async, retried mail")
    void mediumToHighIsReportedToTheCsg() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium", "complaints", "High"));
        reviewEveryRiskClause(meeting);
        decideAudit(meeting, true);
        assertThat(variable(meeting, "involveServiceUsers")).isEqualTo(true);
        auditWithProvider(meeting, Map.of("qaf", "High", "complaints", "High"), List.of(TITLES.get("qaf")));

        assertThat(variable(meeting, "riskEscalated")).isEqualTo(true);
        assertThat(variable(meeting, "escalatedClauses")).isEqualTo(List.of(TITLES.get("qaf")));
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_ReportToCsg");
        assertThat(mails("cmm-risk-escalation")).isEmpty();
        execute(asyncJobAt(meeting, "Task_ReportToCsg"));

        assertThat(mails("cmm-risk-escalation")).singleElement().satisfies(report -> {
            assertThat(report.to()).isEqualTo(CSG_EMAIL);
            assertThat(model(report)).containsEntry("escalatedClauses", "- " + TITLES.get("qaf"))
                    .containsEntry("meetingReference", REFERENCE);
        });
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_PrepareAgenda")
                .hasPassedInOrder("Task_ComplianceAuditWithProvider", "Task_RecordRevisedRisks",
                        "Gateway_RiskEscalated", "Task_ReportToCsg", "Gateway_PreparationDone", "Task_DraftAgenda");
    }

    @Test
    @DisplayName("C4 revised risks with no clause moving from Medium to High (High stays High, Medium goes down) "
            + "are not reported to the CSG")
    void noMediumToHighMoveIsNotReported() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium", "complaints", "High"));
        reviewEveryRiskClause(meeting);
        decideAudit(meeting, true);
        auditWithProvider(meeting, Map.of("qaf", "Low", "complaints", "High"), List.of());

        assertThat(variable(meeting, "riskEscalated")).isEqualTo(false);
        assertThat(meeting).isWaitingAtExactly("SubProcess_Preparation", "Task_PrepareAgenda")
                .hasPassed("Task_RecordRevisedRisks", "Gateway_RiskEscalated")
                .hasNotPassed("Task_ReportToCsg");
        assertThat(mails("cmm-risk-escalation")).isEmpty();
        assertThat((String) variable(meeting, "riskSummary")).isEqualTo("High: " + TITLES.get("complaints"));
    }

    // --- C5 agenda and minutes ------------------------------------------------------------------------------------

    @Test
    @DisplayName("C5 X1 X2 the agenda is due the day before the meeting and e-mailed to the provider (async, 5 "
            + "retries); the minutes are then due five working days after the meeting")
    void agendaThenMinutes() throws Exception {
        ProcessInstance meeting = preparedWithoutConcerns();

        assertThat(mails("cmm-agenda").get(0).model().get("agenda").toString())
                .endsWith("10. Date of the next meeting");
        assertThat(meeting).hasPassedInOrder("Task_DraftAgenda", "Task_PrepareAgenda", "Task_RecordAgenda",
                "Task_SendAgenda");
        Task minutes = task(meeting);
        assertThat(minutes).hasDefinitionKey("Task_RecordMinutes").isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager").hasDueDate(MINUTES_DUE_AT);

        when(meetings.registerMinutes(MEETING_ID, MEETING_DATE, "Discussed.", "Train two staff | Hope Housing"))
                .thenThrow(new BusinessRuleViolation("C5", "Action line 1 must read: what | owner | target date"
                        + " (yyyy-mm-dd)."));
        assertThatThrownBy(() -> complete(minutes, withVariables("heldOn", "2027-01-14", "minutes", "Discussed.",
                        "actions", "Train two staff | Hope Housing")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("must read: what | owner | target date");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Meeting", "Task_RecordMinutes");
    }

    // --- C1, C6 priority and frequency ----------------------------------------------------------------------------

    @ParameterizedTest(name = "C1 X3 {0}: next meeting in {1} months")
    @CsvSource({"GREEN, 12, 2028-01-14", "AMBER, 6, 2027-07-14", "RED, 3, 2027-04-14"})
    @DisplayName("C1 C6 X3 the real cmm-frequency table sets the months to the next meeting from the reassigned "
            + "priority (GREEN 12, AMBER 6, RED 3) and the next meeting is scheduled from it")
    void frequencyFromTheRealTable(String level, int months, String nextDue) throws Exception {
        servicePriority = PriorityLevel.RED; // already RED: no default-notice decision on any of these
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, level);

        assertThat(variable(meeting, "monthsBetweenMeetings")).isEqualTo(months);
        verify(meetings).reassignPriority(MEETING_ID, PriorityLevel.valueOf(level), PRIORITY_REASON,
                "RED".equals(level), months);
        HistoricDecisionInstance decision = historyService().createHistoricDecisionInstanceQuery()
                .processInstanceId(meeting.getId()).decisionDefinitionKey("cmm-frequency")
                .includeInputs().includeOutputs().singleResult();
        assertThat(decision).as("the cmm-frequency table was evaluated").isNotNull();
        assertThat(decision.getActivityId()).isEqualTo("Task_DetermineMeetingFrequency");
        assertThat(decision.getInputs()).singleElement()
                .satisfies(input -> assertThat(input.getValue()).isEqualTo(level));
        assertThat(decision.getOutputs()).singleElement().satisfies(output -> {
            assertThat(output.getVariableName()).isEqualTo("monthsBetweenMeetings");
            assertThat(output.getValue()).isEqualTo(months);
        });
        assertThat(variable(meeting, "priorityLevel")).isEqualTo(level);
        assertThat(variable(meeting, "nextMeetingDue")).isEqualTo(nextDue);
        verify(planning).scheduleNext(SERVICE_CODE);
        assertThat(variable(meeting, "nextMeetingPlanning")).isEqualTo("PLAN-SP101-" + nextDue.replace("-", ""));
        assertThat(variable(meeting, "movedToRed")).isEqualTo(false);
        assertThat(meeting).hasPassedInOrder("Task_ReassignPriority", "Task_DetermineMeetingFrequency",
                        "Task_ApplyPriority", "Gateway_MovedToRed", "Gateway_PriorityDone", "Task_ScheduleNextMeeting")
                .hasNotPassed("Task_DecideDefaultNotice", "Task_RecordDefaultNoticeDecision", "Gateway_AfterMeeting")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_RequestFeedback");
    }

    @Test
    @DisplayName("C6 C1 a service moving to RED is considered for a default notice by the contracts manager, then "
            + "its next meeting is scheduled 3 months on")
    void movedToRedGetsTheDefaultNoticeDecision() throws Exception {
        servicePriority = PriorityLevel.AMBER;
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, "RED");

        assertThat(variable(meeting, "movedToRed")).isEqualTo(true);
        assertThat(meeting).isWaitingAtExactly("SubProcess_Meeting", "Task_DecideDefaultNotice");
        verify(planning, never().description("not before the default-notice decision")).scheduleNext(any());
        Task decide = task(meeting);
        assertThat(decide).hasName("Decide on default notice").hasCandidateGroup("contracts-manager").isNotAssigned();
        complete(decide, withVariables("issueDefaultNotice", "yes", "defaultNoticeReason", "Persistent failures"));

        verify(meetings).decideDefaultNotice(MEETING_ID, true, "Persistent failures");
        assertThat(variable(meeting, "nextMeetingDue")).isEqualTo("2027-04-14");
        verify(planning).scheduleNext(SERVICE_CODE);
        assertThat(meeting).hasPassedInOrder("Gateway_MovedToRed", "Task_DecideDefaultNotice",
                        "Task_RecordDefaultNoticeDecision", "Gateway_PriorityDone", "Task_ScheduleNextMeeting")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_RequestFeedback");
    }

    @Test
    @DisplayName("C6 the priority reassignment without a reason is refused and the task stays open")
    void priorityNeedsAReason() throws Exception {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        Task reassign = task(meeting);

        when(meetings.reassignPriority(eq(MEETING_ID), any(), isNull(), anyBoolean(), anyInt()))
                .thenThrow(new BusinessRuleViolation("C6", "Record the reason for the priority level."));

        assertThatThrownBy(() -> complete(reassign, withVariables("newPriorityLevel", "GREEN")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C6: Record the reason for the priority level.");
        assertThat(meeting).isWaitingAtExactly("SubProcess_Meeting", "Task_ReassignPriority");
        assertThat(historyService().createHistoricDecisionInstanceQuery().processInstanceId(meeting.getId()).count())
                .as("the table's evaluation is rolled back with the step").isZero();
    }

    // --- C8 feedback, C7 improvement plan -------------------------------------------------------------------------

    @Test
    @DisplayName("C8 X1 C7 the feedback survey is e-mailed and the provider's 'Give feedback' task is due in 28 days; "
            + "its answer is recorded; with no open action no improvement plan is needed and the meeting ends")
    void feedbackAnsweredAndNoImprovementPlan() throws Exception {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, "GREEN");

        assertThat(variable(meeting, "openActionCount")).isEqualTo(0);
        Task feedback = feedbackRequested(meeting);
        assertThat(meeting).hasPassed("Gateway_AnyOpenActions", "EndEvent_NoImprovementPlan")
                .hasNotPassed("Task_WriteImprovementPlan")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_GiveFeedback")
                .isNotEnded();
        TestClock.setTo("2027-02-01T15:00");
        answerFeedback(feedback);

        verify(meetings).recordFeedback(eq(MEETING_ID), any(), eq(4), eq(5), eq(3), eq("Well prepared"));
        assertThat(meeting).hasPassedInOrder("Task_RequestFeedback", "Task_GiveFeedback", "Task_RecordFeedback",
                        "EndEvent_MeetingClosed")
                .hasNotPassed("Event_NoFeedback", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .isEnded();
        verify(meetings, never()).close(any());
        assertThat(jobQuery().processInstanceId(meeting.getId()).count()).as("the 28-day timer is gone").isZero();
    }

    @Test
    @DisplayName("C8 X1 without an answer in 28 days the boundary timer closes the meeting without feedback")
    void noFeedbackIn28DaysClosesTheMeeting() throws Exception {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, "AMBER");
        Task feedback = feedbackRequested(meeting);
        Job noAnswer = timerAt(meeting, "Event_NoFeedback");

        TestClock.setTo("2027-02-16T23:59:59");
        assertThat(jobQuery().processInstanceId(meeting.getId()).executable().count()).as("not yet due").isZero();
        TestClock.setTo(noAnswer.getDuedate());
        assertThat(jobQuery().processInstanceId(meeting.getId()).executable().count()).isEqualTo(1);
        execute(noAnswer);

        verify(meetings).close(MEETING_ID);
        verify(meetings, never()).recordFeedback(any(), any(), any(), any(), any(), any());
        assertThat(meeting).hasPassed("Task_GiveFeedback")
                .hasPassedInOrder("Event_NoFeedback", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .hasNotPassed("Task_RecordFeedback", "EndEvent_MeetingClosed")
                .isEnded();
        assertThat(taskQuery().taskId(feedback.getId()).count()).as("the feedback task is withdrawn").isZero();
    }

    @Test
    @DisplayName("C7 X1 open actions: the provider writes the improvement plan (due 2 weeks after the minutes), the "
            + "officer returns it (never without saying what to change), the provider revises it, the officer agrees it; "
            + "the meeting ends only once the feedback branch has ended too (C8)")
    void improvementPlanReturnedRevisedAndAgreed() throws Exception {
        openActionsBefore = 1;
        ProcessInstance meeting = preparedWithoutConcerns();
        assertThat((String) variable(meeting, "openActions")).contains("Close the staffing gap");
        minutesRecorded(meeting, "Train two staff | Hope Housing | 2027-03-31\n"
                + "Send the QAF | Hope Housing | 2027-02-28");
        assertThat(variable(meeting, "actionsAgreed")).isEqualTo(2);
        assertThat(variable(meeting, "openActionCount")).isEqualTo(3);
        reassignPriority(meeting, "AMBER");

        assertThat(meeting).as("the survey e-mail first: its job never runs beside a task of the follow-up")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_RequestFeedback")
                .hasNotPassed("Gateway_AfterMeeting");
        Task feedback = feedbackRequested(meeting);
        assertThat(meeting).isWaitingAtExactly("SubProcess_FollowUp", "Task_GiveFeedback", "Task_WriteImprovementPlan")
                .hasPassed("Gateway_AfterMeeting", "Gateway_AnyOpenActions", "Gateway_PlanJoin")
                .hasNotPassed("EndEvent_NoImprovementPlan");

        // The provider writes the plan.
        Task write = task("Task_WriteImprovementPlan", meeting);
        assertThat(write).hasName("Write improvement plan").hasCandidateGroup(PROVIDER_GROUP).isNotAssigned()
                .hasDueDate(london("2027-02-01T23:59:59")); // end of 1 February: 2 weeks after the minutes
        assertThat(write.getDueDate()).isEqualTo(variable(meeting, "improvementPlanDueAt"));
        TestClock.setTo("2027-01-27T10:00");
        complete(write, withVariables("improvementPlan", "1. Recruit\n2. Train"));
        verify(improvementPlan).write(MEETING_ID, "1. Recruit\n2. Train", null);

        // The officer returns it: 5 working days from Wednesday 27 January is Wednesday 3 February.
        Task agree = task("Task_AgreeImprovementPlan", meeting);
        assertThat(agree).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(london("2027-02-03T23:59:59"));
        TestClock.setTo("2027-02-01T10:00");
        when(improvementPlan.decide(eq(MEETING_ID), any(), eq(PlanAgreement.REVISE), isNull()))
                .thenThrow(new BusinessRuleViolation("C7", "Say what the provider should change in the improvement"
                        + " plan before you send it back."));
        assertThatThrownBy(() -> complete(agree, withVariables("planDecision", "revise")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C7: Say what the provider should change in the improvement plan before you send it back.");
        assertThat(task("Task_AgreeImprovementPlan", meeting).getId()).as("still open").isEqualTo(agree.getId());
        complete(agree, withVariables("planDecision", "revise", "planReviewComments", "Add target dates"));
        verify(improvementPlan).decide(MEETING_ID, null, PlanAgreement.REVISE, "Add target dates");
        assertThat(variable(meeting, "planAgreed")).isEqualTo(false);

        // The provider revises it.
        assertThat(meeting).isWaitingAtExactly("SubProcess_FollowUp", "Task_GiveFeedback", "Task_WriteImprovementPlan");
        Task revise = task("Task_WriteImprovementPlan", meeting);
        assertThat(revise.getId()).as("a new task for the revision").isNotEqualTo(write.getId());
        assertThat(revise).as("X1 due 2 weeks after the return, not at the first plan's date")
                .hasCandidateGroup(PROVIDER_GROUP).hasDueDate(london("2027-02-15T23:59:59"));
        assertThat(taskService().getVariable(revise.getId(), "planReviewComments")).isEqualTo("Add target dates");
        complete(revise, withVariables("improvementPlan", "1. Recruit by March\n2. Train by April"));
        verify(improvementPlan).write(MEETING_ID, "1. Recruit by March\n2. Train by April", null);
        assertThat(variable(meeting, "planAgreed")).as("the previous round's decision is cleared").isNull();

        // Agreed: 5 working days from Monday 1 February is Monday 8 February.
        Task agreeAgain = task("Task_AgreeImprovementPlan", meeting);
        assertThat(agreeAgain).isAssignedTo(OFFICER).hasDueDate(london("2027-02-08T23:59:59"));
        complete(agreeAgain, withVariables("planDecision", "agree", "planReviewComments", ""));

        assertThat(variable(meeting, "planAgreed")).isEqualTo(true);
        verify(improvementPlan).decide(MEETING_ID, null, PlanAgreement.AGREE, null);
        assertThat(meeting).hasPassed("Gateway_PlanAgreed", "EndEvent_ImprovementPlanAgreed")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_GiveFeedback")
                .isNotEnded();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("Task_WriteImprovementPlan").count()).isEqualTo(2);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("Task_AgreeImprovementPlan").count()).isEqualTo(2);

        answerFeedback(feedback);
        assertThat(meeting).hasPassed("EndEvent_MeetingClosed", "EndEvent_ImprovementPlanAgreed").isEnded();
    }

    @Test
    @DisplayName("C7 C8 when the feedback timer closes the meeting first, the improvement plan still goes on and the "
            + "process ends once the plan is agreed")
    void feedbackBranchEndsFirstThenPlanAgreed() throws Exception {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "Train two staff | Hope Housing | 2027-03-31");
        reassignPriority(meeting, "GREEN");
        feedbackRequested(meeting);
        Job noAnswer = timerAt(meeting, "Event_NoFeedback");
        TestClock.setTo(noAnswer.getDuedate());
        execute(noAnswer);

        assertThat(meeting).hasPassed("EndEvent_ClosedWithoutFeedback")
                .isWaitingAtExactly("SubProcess_FollowUp", "Task_WriteImprovementPlan")
                .isNotEnded();
        complete(task(meeting), withVariables("improvementPlan", "Train two staff by March"));
        complete(task(meeting), withVariables("planDecision", "agree"));

        verify(improvementPlan).decide(MEETING_ID, null, PlanAgreement.AGREE, null);
        assertThat(meeting).hasPassedInOrder("Task_WriteImprovementPlan", "Task_RecordImprovementPlan",
                        "Task_AgreeImprovementPlan", "Task_RecordPlanAgreement", "Gateway_PlanAgreed",
                        "EndEvent_ImprovementPlanAgreed")
                .isEnded();
    }

    @Test
    @DisplayName("C1-C8 X1-X3 the longest path in order: letter, summary, audit, clause reviews, audit with the "
            + "provider, CSG report, agenda, minutes, moved to RED, default notice, next meeting, feedback and an "
            + "agreed improvement plan")
    void longestPathInOrder() throws Exception {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("staff", "Medium"));
        assertThat(reviewEveryRiskClause(meeting)).hasSize(1);
        decideAudit(meeting, true);
        auditWithProvider(meeting, Map.of("staff", "High"), List.of(TITLES.get("staff")));
        execute(asyncJobAt(meeting, "Task_ReportToCsg"));
        agendaSent(meeting);
        minutesRecorded(meeting, "Train two staff | Hope Housing | 2027-03-31");
        reassignPriority(meeting, "RED");
        complete(task(meeting), withVariables("issueDefaultNotice", "no", "defaultNoticeReason", "First warning"));
        Task feedback = feedbackRequested(meeting);
        complete(task("Task_WriteImprovementPlan", meeting), withVariables("improvementPlan", "Train two staff"));
        complete(task("Task_AgreeImprovementPlan", meeting), withVariables("planDecision", "agree"));
        answerFeedback(feedback);

        assertThat(meeting).hasPassedInOrder("StartEvent_MeetingRequested", "Task_PlanMeeting",
                        "Task_SendSetUpLetter", "Task_SummarisePerformance", "Task_InternalComplianceAudit",
                        "Task_AssessClauseRisks", "Gateway_AnyConcerns", "Task_ReviewRiskClause",
                        "Task_DecideComplianceAudit", "Task_RecordAuditDecision", "Gateway_HoldAudit",
                        "Task_ComplianceAuditWithProvider", "Task_RecordRevisedRisks", "Gateway_RiskEscalated",
                        "Task_ReportToCsg", "Gateway_PreparationDone", "Task_DraftAgenda", "Task_PrepareAgenda",
                        "Task_RecordAgenda", "Task_SendAgenda", "Task_RecordMinutes", "Task_RegisterMinutes",
                        "Task_ReassignPriority", "Task_DetermineMeetingFrequency", "Task_ApplyPriority",
                        "Gateway_MovedToRed", "Task_DecideDefaultNotice", "Task_RecordDefaultNoticeDecision",
                        "Gateway_PriorityDone", "Task_ScheduleNextMeeting", "Task_RequestFeedback", "Gateway_AfterMeeting")
                .hasPassed("Task_WriteImprovementPlan", "Task_RecordImprovementPlan", "Task_AgreeImprovementPlan",
                        "Task_RecordPlanAgreement", "EndEvent_ImprovementPlanAgreed", "Task_GiveFeedback",
                        "Task_RecordFeedback", "EndEvent_MeetingClosed")
                .hasNotPassed("EndEvent_NoImprovementPlan", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .hasPassedInOrder("StartEvent_MeetingRequested", "SubProcess_Preparation", "EndEvent_MeetingPrepared",
                        "SubProcess_Meeting", "EndEvent_MeetingRecorded", "SubProcess_FollowUp",
                        "EndEvent_MeetingFollowedUp")
                .isEnded();
        assertThat(mails("cmm-risk-escalation")).hasSize(1);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(meeting.getId())
                .variableName("monthsBetweenMeetings").singleResult().getValue()).isEqualTo(3);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(meeting.getId())
                .variableName("nextMeetingPlanning").singleResult().getValue()).isEqualTo("PLAN-SP101-20270414");
    }
}
