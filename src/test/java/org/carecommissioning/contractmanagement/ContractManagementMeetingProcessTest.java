package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
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
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.Deadlines;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.MailRetries;
import org.carecommissioning.testing.FakeTaskListener;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/contract-management-meeting.bpmn with the REAL cmm-frequency decision table (dmn/cmm-frequency.dmn), on
 * a plain in-memory engine. The delegates and task listeners are test doubles that set the same variables as the
 * real Spring beans (PlanMeetingDelegate/MeetingVariables, MeetingStepDelegates, MeetingMailDelegates,
 * PlanningDelegates, PerformanceSummaryDelegate and the improvement-plan steps), so every gateway is decided as in
 * production. Every path of the model is walked: set-up letter to feedback, with and without concerns, audit and
 * CSG escalation, moved to RED or not, feedback answered or timed out, improvement plan needed or not.
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
    private static final String OFFICER = "pat.officer";
    private static final String PROVIDER_GROUP = "pr-hope";
    /** Planned on Monday 2 November 2026 for Thursday 14 January 2027: more than 4 weeks' notice (C2). */
    private static final LocalDate MEETING_DATE = LocalDate.of(2027, 1, 14);
    private static final String REFERENCE = "CMM-SP101-20270114";
    /** Five working days after Thursday 14 January 2027 (no bank holiday in between): Thursday 21 January. */
    private static final LocalDate MINUTES_DUE = LocalDate.of(2027, 1, 21);
    /** X1: every due date is the rule's day at 23:59:59 in London (ProcessDates.endOfDay). */
    private static final Date INTERNAL_AUDIT_DUE = london("2026-12-31T23:59:59");
    /** C4: the audit decision a week before the audit with the provider can be held, 10 days before the meeting. */
    private static final Date AUDIT_DECISION_DUE = london("2027-01-04T23:59:59");
    private static final Date PROVIDER_AUDIT_DUE = london("2027-01-12T23:59:59");
    private static final Date AGENDA_DUE = london("2027-01-13T23:59:59");
    private static final Date MINUTES_DUE_AT = london("2027-01-21T23:59:59");
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static final Map<String, String> TITLES = Map.of(
            "qaf", "Quality Assessment Framework",
            "complaints", "Complaints or compliments received directly by Social Services",
            "staff", "Staff training plan in place and delivered",
            "piReturns", "Performance indicators returned on time");

    // --- the little meeting the fakes keep, as MeetingService would --------------------------------------------

    /** The service's priority level before this meeting (ContractedService.priorityLevel). */
    private String servicePriority = "AMBER";
    /** The risk of each Medium or High clause as the compliance-risk-level table would give it (C3). */
    private Map<String, String> clauseRisks = new LinkedHashMap<>();
    private final Map<String, String> managerNotes = new LinkedHashMap<>();
    /** Open actions of the service's improvement plan before this meeting (C7). */
    private int openActionsBefore;
    private int improvementPlanVersions;

    private FakeDelegate planMeeting;
    private FakeDelegate setUpLetterMail;
    private FakeDelegate performanceSummary;
    private FakeDelegate assessClauseRisks;
    private FakeTaskListener riskClauseReview;
    private FakeDelegate recordAuditDecision;
    private FakeDelegate recordRevisedRisks;
    private FakeDelegate csgEscalationMail;
    private FakeDelegate draftAgenda;
    private FakeDelegate recordAgenda;
    private FakeDelegate agendaMail;
    private FakeDelegate registerMinutes;
    private FakeDelegate applyPriority;
    private FakeDelegate recordDefaultNoticeDecision;
    private FakeDelegate scheduleNextMeeting;
    private FakeDelegate feedbackRequestMail;
    private FakeDelegate recordFeedback;
    private FakeDelegate closeMeeting;
    private FakeDelegate recordImprovementPlan;
    private FakeDelegate recordPlanAgreement;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        // the real bean of the survey's due date and timer, ${deadlines.endOfDayIn(28)} and ${deadlines.dayOverIn(28)}
        Mocks.register("deadlines", new Deadlines(LONDON));

        planMeeting = FakeDelegate.register("planMeetingDelegate", execution -> {
            // As PlanMeetingDelegate + MeetingService.plan + MeetingVariables.of
            LocalDate date = FormValues.date(execution.getVariable("meetingDate"), "C2", "The meeting date");
            MeetingService.requireNotice(date, TestClock.today()); // the real C2 rule
            String code = FormValues.text(execution.getVariable("serviceCode"));
            execution.setProcessBusinessKey("CMM-" + code + "-" + KEY_DATE.format(date));
            execution.setVariable("meetingId", MEETING_ID);
            execution.setVariable("meetingReference", "CMM-" + code + "-" + KEY_DATE.format(date));
            execution.setVariable("serviceCode", code);
            execution.setVariable("serviceName", "Floating support North");
            execution.setVariable("providerName", "Hope Housing");
            execution.setVariable("providerGroup", PROVIDER_GROUP);
            execution.setVariable("purchasingOfficer", OFFICER);
            execution.setVariable("priorityLevel", servicePriority);
            execution.setVariable("meetingDate", date.toString());
            execution.setVariable("internalAuditDueAt", ProcessDates.endOfDay(date.minusDays(14), LONDON));
            execution.setVariable("auditDecisionDueAt", ProcessDates.endOfDay(date.minusDays(10), LONDON));
            execution.setVariable("providerAuditDueAt", ProcessDates.endOfDay(date.minusDays(2), LONDON));
            execution.setVariable("agendaDueAt", ProcessDates.endOfDay(date.minusDays(1), LONDON));
            execution.setVariable("minutesDueAt", ProcessDates.endOfDay(MINUTES_DUE, LONDON));
        });
        setUpLetterMail = FakeDelegate.register("setUpLetterMailDelegate", this::meetingId);
        performanceSummary = FakeDelegate.register("performanceSummaryDelegate", execution -> execution.setVariable(
                "performanceSummary", "2026-27 Q1: accepted, no trigger missed\n2026-27 Q2: SPI2 utilisation 81%"));

        assessClauseRisks = FakeDelegate.register("assessClauseRisksDelegate", execution -> {
            // As MeetingStepDelegates.AssessClauseRisks: the Medium and High clauses go to the contracts manager.
            meetingId(execution);
            List<String> concerns = new ArrayList<>(clauseRisks.keySet());
            execution.setVariable("riskClauses", MeetingVariables.jsonList(concerns));
            execution.setVariable("riskClauseCodes", new ArrayList<>(concerns));
            execution.setVariable("concernCount", concerns.size());
            execution.setVariable("riskSummary", String.join("\n", riskSummaryLines()));
            execution.setVariable("piReturnsRisk", "Low");
            clauseRisks.forEach((code, risk) -> execution.setVariable(code + "Risk", risk));
        });
        riskClauseReview = FakeTaskListener.register("riskClauseReviewListener", task -> {
            String code = (String) task.getVariable("clauseCode");
            if (!clauseRisks.containsKey(code)) {
                throw new IllegalStateException("No Medium or High clause " + code);
            }
            if ("create".equals(task.getEventName())) {
                task.setVariableLocal("clauseTitle", TITLES.get(code));
                task.setVariableLocal("clauseRisk", clauseRisks.get(code));
                task.setVariableLocal("clauseComments", "Comments on " + code);
            } else {
                managerNotes.put(code, FormValues.text(task.getVariable("managerNote")));
                task.getExecution().removeVariable("managerNote");
            }
        });
        recordAuditDecision = FakeDelegate.register("recordAuditDecisionDelegate", execution -> {
            meetingId(execution);
            if (FormValues.text(execution.getVariable("decisionReason")) == null) {
                throw new BusinessRuleViolation("C4", "Record the reason for the decision (if there is no audit or no"
                        + " consultation, justify why).");
            }
            execution.setVariable("holdComplianceAudit", FormValues.flag(execution.getVariable("holdComplianceAudit")));
        });
        recordRevisedRisks = FakeDelegate.register("recordRevisedRisksDelegate", execution -> {
            // As MeetingStepDelegates.RecordRevisedRisks + MeetingService.recordProviderAudit
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) execution.getVariable("riskClauseCodes");
            List<String> escalated = new ArrayList<>();
            for (String code : codes) {
                if (FormValues.text(execution.getVariable(code + "Evidence")) == null) {
                    throw new BusinessRuleViolation("C4", "Summarise what was evidenced for \"" + TITLES.get(code)
                            + "\".");
                }
                RiskLevel before = RiskLevel.parse(clauseRisks.get(code), TITLES.get(code));
                RiskLevel revised = RiskLevel.parse(FormValues.text(execution.getVariable(code + "RevisedRisk")),
                        TITLES.get(code));
                if (before == RiskLevel.Medium && revised == RiskLevel.High) {
                    escalated.add(TITLES.get(code));
                }
                clauseRisks.put(code, revised.name());
            }
            execution.setVariable("escalatedClauses", new ArrayList<>(escalated));
            execution.setVariable("riskEscalated", !escalated.isEmpty());
            execution.setVariable("riskSummary", String.join("\n", riskSummaryLines()));
        });
        csgEscalationMail = FakeDelegate.register("csgEscalationMailDelegate", this::meetingId);
        draftAgenda = FakeDelegate.register("draftAgendaDelegate", execution -> {
            meetingId(execution);
            execution.setVariable("agenda", "Contract management meeting " + REFERENCE + " on " + MEETING_DATE);
            execution.setVariable("openActions", openActionsBefore == 0 ? ""
                    : "Close the staffing gap | Hope Housing | 2026-12-31");
            execution.setVariable("riskSummary", String.join("\n", riskSummaryLines()));
        });
        recordAgenda = FakeDelegate.register("recordAgendaDelegate", execution -> {
            if (FormValues.text(execution.getVariable("agenda")) == null) {
                throw new BusinessRuleViolation("C5", "The agenda is empty.");
            }
        });
        agendaMail = FakeDelegate.register("agendaMailDelegate", this::meetingId);
        registerMinutes = FakeDelegate.register("registerMinutesDelegate", execution -> {
            // As MeetingStepDelegates.RegisterMinutes: the actions, each "what | owner | target date" (C5), make
            // the improvement plan (C7), due 2 weeks after the minutes are recorded.
            meetingId(execution);
            if (FormValues.text(execution.getVariable("minutes")) == null) {
                throw new BusinessRuleViolation("C5", "Write the minutes of the meeting.");
            }
            String actions = FormValues.text(execution.getVariable("actions"));
            List<String> lines = actions == null ? List.of()
                    : actions.lines().filter(line -> !line.isBlank()).toList();
            for (String line : lines) {
                if (line.split("\\|").length != 3) {
                    throw new BusinessRuleViolation("C5", "Action line \"" + line + "\" must read: what | owner |"
                            + " target date (yyyy-mm-dd).");
                }
            }
            List<String> open = new ArrayList<>(lines);
            if (openActionsBefore > 0) {
                open.add(0, "Close the staffing gap | Hope Housing | 2026-12-31");
            }
            execution.setVariable("actionsAgreed", lines.size());
            execution.setVariable("openActionCount", open.size());
            execution.setVariable("openActions", String.join("\n", open));
            execution.setVariable("improvementPlanDueAt", ProcessDates.endOfDay(TestClock.today().plusDays(14), LONDON));
        });
        applyPriority = FakeDelegate.register("applyPriorityDelegate", execution -> {
            // As MeetingStepDelegates.ApplyPriority + MeetingService.reassignPriority
            String level = FormValues.text(execution.getVariable("newPriorityLevel"));
            Object months = execution.getVariable("monthsBetweenMeetings");
            if (FormValues.text(execution.getVariable("priorityReason")) == null) {
                throw new BusinessRuleViolation("C6", "Record the reason for the priority level.");
            }
            if (!(months instanceof Number number) || number.intValue() <= 0) {
                throw new IllegalStateException("The cmm-frequency table gave no interval for " + level);
            }
            LocalDate heldOn = LocalDate.parse((String) execution.getVariable("heldOn"));
            String before = servicePriority;
            servicePriority = level;
            execution.setVariable("movedToRed", "RED".equals(level) && !"RED".equals(before));
            execution.setVariable("nextMeetingDue", heldOn.plusMonths(number.intValue()).toString());
            execution.setVariable("priorityLevel", level);
        });
        recordDefaultNoticeDecision = FakeDelegate.register("recordDefaultNoticeDecisionDelegate", execution -> {
            meetingId(execution);
            if (FormValues.text(execution.getVariable("defaultNoticeReason")) == null) {
                throw new BusinessRuleViolation("C6", "Record the reason for the default-notice decision.");
            }
        });
        scheduleNextMeeting = FakeDelegate.register("scheduleNextMeetingDelegate", execution -> {
            // As PlanningDelegates.ScheduleNextMeeting + MeetingPlanning.scheduleNext
            LocalDate due = LocalDate.parse((String) execution.getVariable("nextMeetingDue"));
            execution.setVariable("nextMeetingPlanning", "PLAN-" + execution.getVariable("serviceCode") + "-"
                    + KEY_DATE.format(due));
        });
        feedbackRequestMail = FakeDelegate.register("feedbackRequestMailDelegate", this::meetingId);
        recordFeedback = FakeDelegate.register("recordFeedbackDelegate", execution -> {
            meetingId(execution);
            for (String rating : List.of("preparationRating", "conductRating", "usefulnessRating")) {
                Integer value = FormValues.integer(execution.getVariable(rating), "C8", "The rating");
                if (value == null || value < 1 || value > 5) {
                    throw new BusinessRuleViolation("C8", "Give every rating from 1 (poor) to 5 (excellent).");
                }
            }
        });
        closeMeeting = FakeDelegate.register("closeMeetingDelegate", this::meetingId);
        recordImprovementPlan = FakeDelegate.register("recordImprovementPlanDelegate", execution -> {
            // As MeetingStepDelegates.RecordImprovementPlan: the plan is kept, the officer agrees it within 5 working
            // days, and the officer's form starts without the previous round's decision.
            meetingId(execution);
            if (FormValues.text(execution.getVariable("improvementPlan")) == null) {
                throw new BusinessRuleViolation("C7", "Write the improvement plan: what the provider will do about each"
                        + " open action, and by when.");
            }
            improvementPlanVersions++;
            execution.setVariable("planAgreementDueAt",
                    ProcessDates.endOfDay(plusWorkingDays(TestClock.today(), 5), LONDON));
            execution.removeVariable("planDecision");
            execution.removeVariable("planAgreed");
            execution.removeVariable("planReviewComments");
        });
        recordPlanAgreement = FakeDelegate.register("recordPlanAgreementDelegate", execution -> {
            // As MeetingStepDelegates.RecordPlanAgreement + ImprovementPlan.agree
            meetingId(execution);
            String choice = FormValues.text(execution.getVariable("planDecision"));
            if (!"agree".equals(choice) && !"revise".equals(choice)) {
                throw new BusinessRuleViolation("C7", "\"" + choice + "\" is not a decision on the plan; choose agree"
                        + " or revise.");
            }
            boolean agreed = "agree".equals(choice);
            if (!agreed && FormValues.text(execution.getVariable("planReviewComments")) == null) {
                throw new BusinessRuleViolation("C7", "Say what the provider should change in the improvement plan"
                        + " before you send it back.");
            }
            execution.setVariable("planAgreed", agreed);
            if (!agreed) {
                execution.setVariable("improvementPlanDueAt", ProcessDates.endOfDay(TestClock.today().plusDays(14),
                        LONDON));
            }
        });
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    private void meetingId(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        Long id = ProcessVariables.id(execution, "meetingId");
        if (id == null || id != MEETING_ID) {
            throw new IllegalStateException("No meeting with id " + id + ".");
        }
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

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
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
    private ProcessInstance plannedAndLetterSent() {
        ProcessInstance meeting = planMeeting(MEETING_DATE.toString());
        assertThat(meeting).hasBusinessKey(REFERENCE).isWaitingAtExactly("Task_SendSetUpLetter");
        assertThat(setUpLetterMail.attempts()).isZero();
        assertThat(performanceSummary.attempts()).as("nothing after the letter until it is sent").isZero();
        execute(asyncJobAt(meeting, "Task_SendSetUpLetter"));
        assertThat(setUpLetterMail.callCount()).isEqualTo(1);
        assertThat(setUpLetterMail.lastCall().businessKey()).isEqualTo(REFERENCE);
        assertThat(performanceSummary.callCount()).isEqualTo(1);
        assertThat(meeting).isWaitingAtExactly("Task_InternalComplianceAudit");
        return meeting;
    }

    /** C3: the officer's desk-top review; {@code risks} are the clauses the risk table puts at Medium or High. */
    private void internalAudit(ProcessInstance meeting, Map<String, String> risks) {
        clauseRisks = new LinkedHashMap<>(risks);
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
        assertThat(assessClauseRisks.callCount()).isEqualTo(1);
        assertThat(variable(meeting, "concernCount")).isEqualTo(risks.size());
    }

    /** C3: every Medium or High clause's review task, completed with the contracts manager's note. */
    private List<Task> reviewEveryRiskClause(ProcessInstance meeting) {
        List<Task> reviews = tasks(meeting, "Task_ReviewRiskClause");
        for (Task review : reviews) {
            String code = (String) taskService().getVariable(review.getId(), "clauseCode");
            complete(review, withVariables("managerNote", "Noted " + code));
        }
        return reviews;
    }

    /** C4: the contracts manager's decision on an audit with the provider. */
    private void decideAudit(ProcessInstance meeting, boolean hold) {
        TestClock.setTo("2026-12-28T10:00");
        assertThat(meeting).isWaitingAtExactly("Task_DecideComplianceAudit");
        Task decide = task(meeting);
        assertThat(decide).hasCandidateGroup("contracts-manager").isNotAssigned().hasDueDate(AUDIT_DECISION_DUE);
        complete(decide, hold
                ? withVariables("holdComplianceAudit", true, "involveServiceUsers", true, "involveStaff", false,
                        "involveStakeholders", false, "decisionReason", "Safeguarding concern needs evidence")
                : withVariables("holdComplianceAudit", false, "decisionReason", "Evidence on file is enough"));
        assertThat(recordAuditDecision.callCount()).isEqualTo(1);
    }

    /** C4: the audit with the provider gives each concern clause a revised risk. */
    private void auditWithProvider(ProcessInstance meeting, Map<String, String> revisedRisks) {
        TestClock.setTo("2027-01-08T10:00");
        assertThat(meeting).isWaitingAtExactly("Task_ComplianceAuditWithProvider");
        Task audit = task(meeting);
        assertThat(audit).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(PROVIDER_AUDIT_DUE);
        Map<String, Object> answers = new LinkedHashMap<>();
        revisedRisks.forEach((code, risk) -> {
            answers.put(code + "Evidence", "Evidence seen for " + code);
            answers.put(code + "RevisedRisk", risk);
        });
        complete(audit, answers);
        assertThat(recordRevisedRisks.callCount()).isEqualTo(1);
    }

    /** C5, X1, X2: the agenda is due the day before the meeting and mailed to the provider (async). */
    private void agendaSent(ProcessInstance meeting) {
        TestClock.setTo("2027-01-12T10:00");
        assertThat(meeting).isWaitingAtExactly("Task_PrepareAgenda");
        assertThat(draftAgenda.callCount()).isEqualTo(1);
        Task agenda = task(meeting);
        assertThat(agenda).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(AGENDA_DUE);
        assertThat(agenda.getDueDate()).isEqualTo(ProcessDates.endOfDay(MEETING_DATE.minusDays(1), LONDON));
        assertThat((String) variable(meeting, "agenda")).startsWith("Contract management meeting " + REFERENCE);
        complete(agenda, withVariables("agenda", variable(meeting, "agenda") + "\n10. Date of the next meeting"));
        assertThat(recordAgenda.callCount()).isEqualTo(1);
        assertThat(meeting).isWaitingAtExactly("Task_SendAgenda");
        assertThat(agendaMail.attempts()).isZero();
        execute(asyncJobAt(meeting, "Task_SendAgenda"));
        assertThat(agendaMail.callCount()).isEqualTo(1);
        assertThat(meeting).isWaitingAtExactly("Task_RecordMinutes");
    }

    /** C5, X1: the minutes are due five working days after the meeting; their actions make the plan (C7). */
    private void minutesRecorded(ProcessInstance meeting, String actions) {
        TestClock.setTo("2027-01-18T10:00");
        Task minutes = task(meeting);
        assertThat(minutes).hasDefinitionKey("Task_RecordMinutes").isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(MINUTES_DUE_AT);
        complete(minutes, withVariables("heldOn", MEETING_DATE.toString(), "minutes", "Discussed the agenda.",
                "actions", actions));
        assertThat(registerMinutes.callCount()).isEqualTo(1);
        assertThat(meeting).isWaitingAtExactly("Task_ReassignPriority");
    }

    /** C6: the officer and the contracts manager reassign the priority level with a reason. */
    private void reassignPriority(ProcessInstance meeting, String level) {
        TestClock.setTo("2027-01-19T11:00");
        Task reassign = task(meeting);
        // hole 4: the service's own officer and the contracts managers, not every officer
        assertThat(reassign).hasDefinitionKey("Task_ReassignPriority")
                .isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager");
        complete(reassign, withVariables("newPriorityLevel", level, "priorityReason", "Reviewed at the meeting",
                "unannouncedAudits", "RED".equals(level)));
    }

    /**
     * C8, X2, X1: the survey mail (async) opens the provider's "Give feedback" task, due at the end of the 28th day from
     * the day it opens; the meeting closes without it once that day is over.
     */
    private Task feedbackRequested(ProcessInstance meeting) {
        Job mail = asyncJobAt(meeting, "Task_RequestFeedback");
        assertThat(feedbackRequestMail.attempts()).isZero();
        execute(mail);
        assertThat(feedbackRequestMail.callCount()).isEqualTo(1);
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
    private ProcessInstance preparedWithoutConcerns() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of());
        agendaSent(meeting);
        return meeting;
    }

    // --- C2 and the set-up letter ---------------------------------------------------------------------------------

    @Test
    @DisplayName("C2 a meeting less than 4 weeks ahead is refused on the start form and nothing starts")
    void meetingTooSoonIsRefused() {
        assertThatThrownBy(() -> planMeeting("2026-11-29"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C2: The provider must be told at least 4 weeks before the meeting; choose a date on or"
                        + " after 2026-11-30.");

        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("no set-up letter waits to be sent").isZero();
        assertThat(setUpLetterMail.attempts()).isZero();

        // Exactly 4 weeks ahead is allowed.
        ProcessInstance meeting = planMeeting("2026-11-30");
        assertThat(meeting).hasBusinessKey("CMM-SP101-20261130").isWaitingAtExactly("Task_SendSetUpLetter");
    }

    @Test
    @DisplayName("C2 C3 X1 X2 the set-up letter is an async mail with 5 retries; then the 12-month performance "
            + "summary and the internal audit, assigned to the purchasing officer and due two weeks before the meeting")
    void setUpLetterThenSummaryThenInternalAudit() {
        ProcessInstance meeting = plannedAndLetterSent();

        assertThat(variable(meeting, "plannedBy")).as("camunda:initiator").isEqualTo(OFFICER);
        assertThat(planMeeting.lastCall().variable("meetingDate")).isEqualTo("2027-01-14");
        assertThat(meeting).hasPassedInOrder("StartEvent_MeetingRequested", "Task_PlanMeeting",
                "Task_SendSetUpLetter", "Task_SummarisePerformance");
        assertThat((String) variable(meeting, "performanceSummary")).contains("2026-27 Q2");
        assertThat(variable(meeting, "internalAuditDueAt")).isEqualTo(INTERNAL_AUDIT_DUE);
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
    void failedSetUpLetterIsRetriedAndNeverLost() {
        ProcessInstance meeting = planMeeting(MEETING_DATE.toString());
        Job mail = MailRetries.failUntilIncident(meeting, "Task_SendSetUpLetter", setUpLetterMail);
        assertThat(setUpLetterMail.callCount()).isZero();
        assertThat(meeting).isWaitingAtExactly("Task_SendSetUpLetter");
        assertThat(performanceSummary.attempts()).isZero();

        setUpLetterMail.behave(execution -> { });
        managementService().setJobRetries(mail.getId(), 1);
        execute(jobQuery().processInstanceId(meeting.getId()).activityId("Task_SendSetUpLetter").singleResult());

        assertThat(setUpLetterMail.callCount()).isEqualTo(1);
        assertThat(setUpLetterMail.attempts()).isEqualTo(6);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(meeting.getId()).count()).isZero();
        assertThat(meeting).isWaitingAtExactly("Task_InternalComplianceAudit");
    }

    // --- C3, C4 preparation ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("C3 C5 no Medium or High clause: from the internal audit straight to the agenda, with no clause "
            + "review, no audit decision and no CSG report")
    void noConcernGoesStraightToTheAgenda() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of());

        assertThat(meeting).isWaitingAtExactly("Task_PrepareAgenda")
                .hasPassedInOrder("Task_InternalComplianceAudit", "Task_AssessClauseRisks", "Gateway_AnyConcerns",
                        "Gateway_PreparationDone", "Task_DraftAgenda")
                .hasNotPassed("Task_ReviewRiskClause", "Task_DecideComplianceAudit", "Task_RecordAuditDecision",
                        "Task_ComplianceAuditWithProvider", "Task_ReportToCsg");
        assertThat(riskClauseReview.attempts()).isZero();
        assertThat(recordAuditDecision.attempts()).isZero();
        assertThat(variable(meeting, "riskClauseCodes")).isEqualTo(List.of());
    }

    @Test
    @DisplayName("C3 one 'Review risk clause' task per Medium or High clause, each for the contracts manager with "
            + "the clause's risk; once all are reviewed the audit decision opens (C4)")
    void oneReviewTaskPerMediumOrHighClause() {
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
        assertThat(riskClauseReview.calls()).extracting(FakeTaskListener.Call::eventName)
                .containsOnly("create").hasSize(3);

        // Two reviewed: the decision waits for the third.
        complete(reviews.get(0), withVariables("managerNote", "Seen"));
        complete(reviews.get(1), withVariables("managerNote", "Seen too"));
        assertThat(meeting).isWaitingAt("Task_ReviewRiskClause").isNotEnded();
        assertThat(tasks(meeting, "Task_ReviewRiskClause")).hasSize(1);
        assertThat(variable(meeting, "managerNote")).as("each note is cleared for the next clause").isNull();
        complete(tasks(meeting, "Task_ReviewRiskClause").get(0), withVariables("managerNote", "Ask for evidence"));

        assertThat(managerNotes).hasSize(3).containsValues("Seen", "Seen too", "Ask for evidence");
        assertThat(meeting).isWaitingAtExactly("Task_DecideComplianceAudit");
        assertThat(task(meeting)).hasCandidateGroup("contracts-manager").hasDueDate(AUDIT_DECISION_DUE);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(meeting.getId())
                .taskDefinitionKey("Task_ReviewRiskClause").finished().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("C4 C5 the contracts manager decides against an audit with the provider: straight to the agenda")
    void noAuditWithTheProvider() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium"));
        assertThat(reviewEveryRiskClause(meeting)).hasSize(1);
        decideAudit(meeting, false);

        assertThat(recordAuditDecision.lastCall().variable("decisionReason")).isEqualTo("Evidence on file is enough");
        assertThat(meeting).isWaitingAtExactly("Task_PrepareAgenda")
                .hasPassedInOrder("Task_RecordAuditDecision", "Gateway_HoldAudit", "Gateway_PreparationDone",
                        "Task_DraftAgenda")
                .hasNotPassed("Task_ComplianceAuditWithProvider", "Task_RecordRevisedRisks", "Task_ReportToCsg");
    }

    @Test
    @DisplayName("C4 the audit decision without a reason is refused and the decision task stays open")
    void auditDecisionNeedsAReason() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "High"));
        reviewEveryRiskClause(meeting);
        Task decide = task(meeting);

        assertThatThrownBy(() -> complete(decide, withVariables("holdComplianceAudit", true)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("C4: Record the reason for the decision");
        assertThat(meeting).isWaitingAtExactly("Task_DecideComplianceAudit");
        assertThat(task(meeting).getId()).isEqualTo(decide.getId());
    }

    @Test
    @DisplayName("C4 X2 a clause moving from Medium to High after the audit with the provider is reported to the "
            + "CSG by an async, retried mail")
    void mediumToHighIsReportedToTheCsg() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium", "complaints", "High"));
        reviewEveryRiskClause(meeting);
        decideAudit(meeting, true);
        assertThat(recordAuditDecision.lastCall().variable("involveServiceUsers")).isEqualTo(true);
        auditWithProvider(meeting, Map.of("qaf", "High", "complaints", "High"));

        assertThat(variable(meeting, "riskEscalated")).isEqualTo(true);
        assertThat(variable(meeting, "escalatedClauses")).isEqualTo(List.of(TITLES.get("qaf")));
        assertThat(meeting).isWaitingAtExactly("Task_ReportToCsg");
        assertThat(csgEscalationMail.attempts()).isZero();
        execute(asyncJobAt(meeting, "Task_ReportToCsg"));

        assertThat(csgEscalationMail.callCount()).isEqualTo(1);
        assertThat(csgEscalationMail.lastCall().variable("escalatedClauses")).isEqualTo(List.of(TITLES.get("qaf")));
        assertThat(meeting).isWaitingAtExactly("Task_PrepareAgenda")
                .hasPassedInOrder("Task_ComplianceAuditWithProvider", "Task_RecordRevisedRisks",
                        "Gateway_RiskEscalated", "Task_ReportToCsg", "Gateway_PreparationDone", "Task_DraftAgenda");
    }

    @Test
    @DisplayName("C4 revised risks with no clause moving from Medium to High (High stays High, Medium goes down) "
            + "are not reported to the CSG")
    void noMediumToHighMoveIsNotReported() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("qaf", "Medium", "complaints", "High"));
        reviewEveryRiskClause(meeting);
        decideAudit(meeting, true);
        auditWithProvider(meeting, Map.of("qaf", "Low", "complaints", "High"));

        assertThat(variable(meeting, "riskEscalated")).isEqualTo(false);
        assertThat(meeting).isWaitingAtExactly("Task_PrepareAgenda")
                .hasPassed("Task_RecordRevisedRisks", "Gateway_RiskEscalated")
                .hasNotPassed("Task_ReportToCsg");
        assertThat(csgEscalationMail.attempts()).isZero();
        assertThat((String) variable(meeting, "riskSummary")).isEqualTo("High: " + TITLES.get("complaints"));
    }

    // --- C5 agenda and minutes ------------------------------------------------------------------------------------

    @Test
    @DisplayName("C5 X1 X2 the agenda is due the day before the meeting and e-mailed to the provider (async, 5 "
            + "retries); the minutes are then due five working days after the meeting")
    void agendaThenMinutes() {
        ProcessInstance meeting = preparedWithoutConcerns();

        assertThat(agendaMail.lastCall().variable("agenda").toString()).endsWith("10. Date of the next meeting");
        assertThat(meeting).hasPassedInOrder("Task_DraftAgenda", "Task_PrepareAgenda", "Task_RecordAgenda",
                "Task_SendAgenda");
        Task minutes = task(meeting);
        assertThat(minutes).hasDefinitionKey("Task_RecordMinutes").isAssignedTo(OFFICER)
                .hasCandidateGroupAssociated("contracts-manager").hasDueDate(MINUTES_DUE_AT);

        assertThatThrownBy(() -> complete(minutes, withVariables("heldOn", "2027-01-14", "minutes", "Discussed.",
                        "actions", "Train two staff | Hope Housing")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("must read: what | owner | target date");
        assertThat(meeting).isWaitingAtExactly("Task_RecordMinutes");
    }

    // --- C1, C6 priority and frequency ----------------------------------------------------------------------------

    @ParameterizedTest(name = "C1 X3 {0}: next meeting in {1} months")
    @CsvSource({"GREEN, 12, 2028-01-14", "AMBER, 6, 2027-07-14", "RED, 3, 2027-04-14"})
    @DisplayName("C1 C6 X3 the real cmm-frequency table sets the months to the next meeting from the reassigned "
            + "priority (GREEN 12, AMBER 6, RED 3) and the next meeting is scheduled from it")
    void frequencyFromTheRealTable(String level, int months, String nextDue) {
        servicePriority = "RED"; // already RED: no default-notice decision on any of these
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, level);

        assertThat(variable(meeting, "monthsBetweenMeetings")).isEqualTo(months);
        assertThat(applyPriority.lastCall().variable("monthsBetweenMeetings")).isEqualTo(months);
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
        assertThat(scheduleNextMeeting.callCount()).isEqualTo(1);
        assertThat(variable(meeting, "nextMeetingPlanning")).isEqualTo("PLAN-SP101-" + nextDue.replace("-", ""));
        assertThat(variable(meeting, "movedToRed")).isEqualTo(false);
        assertThat(meeting).hasPassedInOrder("Task_ReassignPriority", "Task_DetermineMeetingFrequency",
                        "Task_ApplyPriority", "Gateway_MovedToRed", "Gateway_PriorityDone", "Task_ScheduleNextMeeting",
                        "Gateway_AfterMeeting")
                .hasNotPassed("Task_DecideDefaultNotice", "Task_RecordDefaultNoticeDecision")
                .isWaitingAtExactly("Task_RequestFeedback");
    }

    @Test
    @DisplayName("C6 C1 a service moving to RED is considered for a default notice by the contracts manager, then "
            + "its next meeting is scheduled 3 months on")
    void movedToRedGetsTheDefaultNoticeDecision() {
        servicePriority = "AMBER";
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, "RED");

        assertThat(variable(meeting, "movedToRed")).isEqualTo(true);
        assertThat(meeting).isWaitingAtExactly("Task_DecideDefaultNotice");
        assertThat(scheduleNextMeeting.attempts()).as("not before the default-notice decision").isZero();
        Task decide = task(meeting);
        assertThat(decide).hasName("Decide on default notice").hasCandidateGroup("contracts-manager").isNotAssigned();
        complete(decide, withVariables("issueDefaultNotice", "yes", "defaultNoticeReason", "Persistent failures"));

        assertThat(recordDefaultNoticeDecision.callCount()).isEqualTo(1);
        assertThat(variable(meeting, "nextMeetingDue")).isEqualTo("2027-04-14");
        assertThat(scheduleNextMeeting.callCount()).isEqualTo(1);
        assertThat(meeting).hasPassedInOrder("Gateway_MovedToRed", "Task_DecideDefaultNotice",
                        "Task_RecordDefaultNoticeDecision", "Gateway_PriorityDone", "Task_ScheduleNextMeeting")
                .isWaitingAtExactly("Task_RequestFeedback");
    }

    @Test
    @DisplayName("C6 the priority reassignment without a reason is refused and the task stays open")
    void priorityNeedsAReason() {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        Task reassign = task(meeting);

        assertThatThrownBy(() -> complete(reassign, withVariables("newPriorityLevel", "GREEN")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C6: Record the reason for the priority level.");
        assertThat(meeting).isWaitingAtExactly("Task_ReassignPriority");
        assertThat(historyService().createHistoricDecisionInstanceQuery().processInstanceId(meeting.getId()).count())
                .as("the table's evaluation is rolled back with the step").isZero();
    }

    // --- C8 feedback, C7 improvement plan -------------------------------------------------------------------------

    @Test
    @DisplayName("C8 X1 C7 the feedback survey is e-mailed and the provider's 'Give feedback' task is due in 28 days; "
            + "its answer is recorded; with no open action no improvement plan is needed and the meeting ends")
    void feedbackAnsweredAndNoImprovementPlan() {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "");
        reassignPriority(meeting, "GREEN");

        assertThat(variable(meeting, "openActionCount")).isEqualTo(0);
        assertThat(meeting).hasPassed("Gateway_AnyOpenActions", "EndEvent_NoImprovementPlan")
                .hasNotPassed("Task_WriteImprovementPlan")
                .isWaitingAtExactly("Task_RequestFeedback")
                .isNotEnded();
        Task feedback = feedbackRequested(meeting);
        TestClock.setTo("2027-02-01T15:00");
        answerFeedback(feedback);

        assertThat(recordFeedback.callCount()).isEqualTo(1);
        assertThat(recordFeedback.lastCall().variable("conductRating")).isEqualTo(5);
        assertThat(meeting).hasPassedInOrder("Task_RequestFeedback", "Task_GiveFeedback", "Task_RecordFeedback",
                        "EndEvent_MeetingClosed")
                .hasNotPassed("Event_NoFeedback", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .isEnded();
        assertThat(closeMeeting.attempts()).isZero();
        assertThat(jobQuery().processInstanceId(meeting.getId()).count()).as("the 28-day timer is gone").isZero();
    }

    @Test
    @DisplayName("C8 X1 without an answer in 28 days the boundary timer closes the meeting without feedback")
    void noFeedbackIn28DaysClosesTheMeeting() {
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

        assertThat(closeMeeting.callCount()).isEqualTo(1);
        assertThat(recordFeedback.attempts()).isZero();
        assertThat(meeting).hasPassed("Task_GiveFeedback")
                .hasPassedInOrder("Event_NoFeedback", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .hasNotPassed("Task_RecordFeedback", "EndEvent_MeetingClosed")
                .isEnded();
        assertThat(taskQuery().taskId(feedback.getId()).count()).as("the feedback task is withdrawn").isZero();
    }

    @Test
    @DisplayName("C7 X1 open actions: the provider writes the improvement plan (due 2 weeks after the minutes), the "
            + "officer returns it (never without saying what to change), the provider revises it, the officer agrees it; the meeting ends only once the "
            + "feedback branch has ended too (C8)")
    void improvementPlanReturnedRevisedAndAgreed() {
        openActionsBefore = 1;
        ProcessInstance meeting = preparedWithoutConcerns();
        assertThat((String) variable(meeting, "openActions")).contains("Close the staffing gap");
        minutesRecorded(meeting, "Train two staff | Hope Housing | 2027-03-31\n"
                + "Send the QAF | Hope Housing | 2027-02-28");
        assertThat(variable(meeting, "actionsAgreed")).isEqualTo(2);
        assertThat(variable(meeting, "openActionCount")).isEqualTo(3);
        reassignPriority(meeting, "AMBER");

        assertThat(meeting).isWaitingAtExactly("Task_RequestFeedback", "Task_WriteImprovementPlan")
                .hasPassed("Gateway_AfterMeeting", "Gateway_AnyOpenActions", "Gateway_PlanJoin")
                .hasNotPassed("EndEvent_NoImprovementPlan");
        Task feedback = feedbackRequested(meeting);

        // The provider writes the plan.
        Task write = task("Task_WriteImprovementPlan", meeting);
        assertThat(write).hasName("Write improvement plan").hasCandidateGroup(PROVIDER_GROUP).isNotAssigned()
                .hasDueDate(london("2027-02-01T23:59:59")); // end of 1 February: 2 weeks after the minutes
        assertThat(write.getDueDate()).isEqualTo(variable(meeting, "improvementPlanDueAt"));
        TestClock.setTo("2027-01-27T10:00");
        complete(write, withVariables("improvementPlan", "1. Recruit\n2. Train"));
        assertThat(recordImprovementPlan.callCount()).isEqualTo(1);
        assertThat(recordImprovementPlan.lastCall().variable("improvementPlan")).isEqualTo("1. Recruit\n2. Train");

        // The officer returns it: 5 working days from Wednesday 27 January is Wednesday 3 February.
        Task agree = task("Task_AgreeImprovementPlan", meeting);
        assertThat(agree).isAssignedTo(OFFICER).hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(london("2027-02-03T23:59:59"));
        TestClock.setTo("2027-02-01T10:00");
        assertThatThrownBy(() -> complete(agree, withVariables("planDecision", "revise")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("C7: Say what the provider should change in the improvement plan before you send it back.");
        assertThat(task("Task_AgreeImprovementPlan", meeting).getId()).as("still open").isEqualTo(agree.getId());
        complete(agree, withVariables("planDecision", "revise", "planReviewComments", "Add target dates"));
        assertThat(recordPlanAgreement.callCount()).isEqualTo(1);
        assertThat(variable(meeting, "planAgreed")).isEqualTo(false);

        // The provider revises it.
        assertThat(meeting).isWaitingAtExactly("Task_GiveFeedback", "Task_WriteImprovementPlan");
        Task revise = task("Task_WriteImprovementPlan", meeting);
        assertThat(revise.getId()).as("a new task for the revision").isNotEqualTo(write.getId());
        assertThat(revise).as("X1 due 2 weeks after the return, not at the first plan's date")
                .hasCandidateGroup(PROVIDER_GROUP).hasDueDate(london("2027-02-15T23:59:59"));
        assertThat(taskService().getVariable(revise.getId(), "planReviewComments")).isEqualTo("Add target dates");
        complete(revise, withVariables("improvementPlan", "1. Recruit by March\n2. Train by April"));
        assertThat(improvementPlanVersions).isEqualTo(2);
        assertThat(variable(meeting, "planAgreed")).as("the previous round's decision is cleared").isNull();

        // Agreed: 5 working days from Monday 1 February is Monday 8 February.
        Task agreeAgain = task("Task_AgreeImprovementPlan", meeting);
        assertThat(agreeAgain).isAssignedTo(OFFICER).hasDueDate(london("2027-02-08T23:59:59"));
        complete(agreeAgain, withVariables("planDecision", "agree", "planReviewComments", ""));

        assertThat(variable(meeting, "planAgreed")).isEqualTo(true);
        assertThat(meeting).hasPassed("Gateway_PlanAgreed", "EndEvent_ImprovementPlanAgreed")
                .isWaitingAtExactly("Task_GiveFeedback")
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
    void feedbackBranchEndsFirstThenPlanAgreed() {
        ProcessInstance meeting = preparedWithoutConcerns();
        minutesRecorded(meeting, "Train two staff | Hope Housing | 2027-03-31");
        reassignPriority(meeting, "GREEN");
        feedbackRequested(meeting);
        Job noAnswer = timerAt(meeting, "Event_NoFeedback");
        TestClock.setTo(noAnswer.getDuedate());
        execute(noAnswer);

        assertThat(meeting).hasPassed("EndEvent_ClosedWithoutFeedback")
                .isWaitingAtExactly("Task_WriteImprovementPlan")
                .isNotEnded();
        complete(task(meeting), withVariables("improvementPlan", "Train two staff by March"));
        complete(task(meeting), withVariables("planDecision", "agree"));

        assertThat(recordPlanAgreement.callCount()).isEqualTo(1);
        assertThat(meeting).hasPassedInOrder("Task_WriteImprovementPlan", "Task_RecordImprovementPlan",
                        "Task_AgreeImprovementPlan", "Task_RecordPlanAgreement", "Gateway_PlanAgreed",
                        "EndEvent_ImprovementPlanAgreed")
                .isEnded();
    }

    @Test
    @DisplayName("C1-C8 X1-X3 the longest path in order: letter, summary, audit, clause reviews, audit with the "
            + "provider, CSG report, agenda, minutes, moved to RED, default notice, next meeting, feedback and an "
            + "agreed improvement plan")
    void longestPathInOrder() {
        ProcessInstance meeting = plannedAndLetterSent();
        internalAudit(meeting, Map.of("staff", "Medium"));
        assertThat(reviewEveryRiskClause(meeting)).hasSize(1);
        decideAudit(meeting, true);
        auditWithProvider(meeting, Map.of("staff", "High"));
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
                        "Gateway_PriorityDone", "Task_ScheduleNextMeeting", "Gateway_AfterMeeting")
                .hasPassed("Task_WriteImprovementPlan", "Task_RecordImprovementPlan", "Task_AgreeImprovementPlan",
                        "Task_RecordPlanAgreement", "EndEvent_ImprovementPlanAgreed", "Task_RequestFeedback",
                        "Task_GiveFeedback", "Task_RecordFeedback", "EndEvent_MeetingClosed")
                .hasNotPassed("EndEvent_NoImprovementPlan", "Task_CloseMeeting", "EndEvent_ClosedWithoutFeedback")
                .isEnded();
        assertThat(csgEscalationMail.callCount()).isEqualTo(1);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(meeting.getId())
                .variableName("monthsBetweenMeetings").singleResult().getValue()).isEqualTo(3);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(meeting.getId())
                .variableName("nextMeetingPlanning").singleResult().getValue()).isEqualTo("PLAN-SP101-20270414");
    }
}
