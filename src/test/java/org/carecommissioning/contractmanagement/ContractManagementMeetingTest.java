package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C1-C8 on the whole application: one contract management meeting from set-up letter to feedback. */
@ApplicationTest
class ContractManagementMeetingTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingService meetings;
    @Autowired
    ImprovementPlan improvementPlan;
    @Autowired
    MeetingSchedule schedule;

    String code;
    Organisation provider;
    ContractedService service;
    String officer;
    String otherOfficer;
    String manager;
    String providerUser;
    String otherProviderUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("PR");
        provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@provider.example"));
        Organisation otherProvider = scenario.asSystem(() -> organisations.registerProvider(code + "X",
                "Other provider " + code, code.toLowerCase() + "x@provider.example"));
        officer = "po-" + code.toLowerCase();
        otherOfficer = "po2-" + code.toLowerCase();
        manager = "cm-" + code.toLowerCase();
        providerUser = "prov-" + code.toLowerCase();
        otherProviderUser = "prov2-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(otherOfficer, "purchasing-officer");
        scenario.user(manager, "contracts-manager");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", otherProvider.getGroupId());
        service = services.register("S" + code, "Floating support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 1, 11));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C2 a meeting less than 4 weeks ahead is refused, naming the earliest date, and nothing is written")
    void meetingMustBeFourWeeksAhead() {
        assertThatThrownBy(() -> start("2026-12-19"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("at least 4 weeks before the meeting; choose a date on or after 2026-12-20");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("contract-management-meeting")
                .processInstanceBusinessKey("CMM-S" + code + "-20261219").count()).isZero();
        ProcessInstance exactlyFourWeeks = start("2026-12-20");
        assertThat(exactlyFourWeeks.getBusinessKey()).isEqualTo("CMM-S" + code + "-20261220");
    }

    @Test
    @DisplayName("C2 C3 C4 C5 C6 C7 C8 a meeting from set-up letter to feedback: risks, audit, CSG report, agenda, minutes, RED, default notice")
    void meetingLifecycle() throws Exception {
        ProcessInstance meeting = start("2027-01-11");
        scenario.executeDueJobs(meeting.getId());
        assertThat(mailSubjectsTo(provider.getEmail())).containsExactly(
                "Contract management meeting for Floating support " + code + " on Mon 11 Jan 2027");

        // C3 desk-top review, due two weeks before the meeting: Monday 28 December is a bank holiday, so the end of
        // the working day before, Thursday 24 December (X1)
        Task audit = scenario.task(meeting, "Task_InternalComplianceAudit");
        assertThat(audit.getAssignee()).isEqualTo(officer);
        assertThat(audit.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2026, 12, 24), Scenario.LONDON));
        Map<String, Object> review = new HashMap<>(Map.of(
                "qafComments", "QAF returned three weeks late", "qafReputationDamage", "minimal",
                "staffServiceUserImpact", "health-and-safety", "clientGroupComplied", false));
        assertThatThrownBy(() -> scenario.complete(officer, meeting, "Task_InternalComplianceAudit", review))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("\"Staff training plan in place and delivered\" is High risk: write the comments");
        review.put("staffComments", "No training plan for lone working");
        review.put("clientGroupComments", "Two service users outside the client group");
        scenario.complete(officer, meeting, "Task_InternalComplianceAudit", review);
        Long meetingId = (Long) runtimeService.getVariable(meeting.getId(), "meetingId");
        assertThat(meetings.clausesOf(meetingId)).hasSize(ComplianceChecklist.CLAUSES.size());
        assertThat(meetings.clause(meetingId, "qaf").getRiskLevel()).isEqualTo(RiskLevel.Medium);
        assertThat(meetings.clause(meetingId, "staff").getRiskLevel()).isEqualTo(RiskLevel.High);
        assertThat(meetings.clause(meetingId, "clientGroup").getRiskLevel()).isEqualTo(RiskLevel.Medium);
        assertThat(meetings.clause(meetingId, "piReturns").getRiskLevel()).isEqualTo(RiskLevel.Low);

        // C3 each Medium or High clause is a task for the contracts manager
        List<Task> clauseReviews = scenario.as(manager, () -> taskService.createTaskQuery()
                .processInstanceId(meeting.getId()).taskDefinitionKey("Task_ReviewRiskClause").list());
        assertThat(clauseReviews).hasSize(3);
        assertThat(clauseReviews).extracting(t -> taskService.getVariableLocal(t.getId(), "clauseTitle"))
                .containsExactlyInAnyOrder("Quality Assessment Framework: returned on time, validated, C or above on"
                        + " the 7 core objectives, actions taken", "Staff training plan in place and delivered",
                        "Service provides only for its primary client group");
        for (Task task : clauseReviews) {
            scenario.as(manager, () -> {
                taskService.complete(task.getId(), Map.of("managerNote", "Follow up"));
                return null;
            });
        }
        assertThat(meetings.clause(meetingId, "qaf").getManagerNote()).isEqualTo("Follow up");

        // C4 audit with the provider; the QAF clause moves from Medium to High and goes to the CSG
        scenario.complete(manager, meeting, "Task_DecideComplianceAudit", Map.of("holdComplianceAudit", true,
                "involveStaff", true, "decisionReason", "Staffing concerns need evidence"));
        assertThat(meetings.get(meetingId).getAuditInvolves()).startsWith("staff; ");
        scenario.complete(officer, meeting, "Task_ComplianceAuditWithProvider", Map.of(
                "qafEvidence", "QAF still not returned", "qafRevisedRisk", "High",
                "staffEvidence", "Plan drafted", "staffRevisedRisk", "Medium",
                "clientGroupEvidence", "Both moved on", "clientGroupRevisedRisk", "Low"));
        scenario.executeDueJobs(meeting.getId());
        MimeMessage csg = lastMailTo("csg@commissioning.example");
        assertThat(csg.getSubject()).isEqualTo("Core Strategy Group: risk raised to High for Floating support " + code);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(csg)).contains("Quality Assessment Framework")
                .doesNotContain("Staff training");

        // C5 agenda with the concerns, sent at least one day before
        Task agenda = scenario.task(meeting, "Task_PrepareAgenda");
        // X1: the day before is Sunday 10 January: the end of Friday 8 January
        assertThat(agenda.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 1, 8), Scenario.LONDON));
        String drafted = (String) runtimeService.getVariable(meeting.getId(), "agenda");
        assertThat(drafted).contains("7. Areas of concern", "High: Quality Assessment Framework", "Medium: Staff training");
        scenario.complete(officer, meeting, "Task_PrepareAgenda", Map.of("agenda", drafted + "\n10. Date of next meeting"));
        scenario.executeDueJobs(meeting.getId());
        assertThat(mailSubjectsTo(provider.getEmail())).contains(
                "Agenda: contract management meeting CMM-S" + code + "-20270111 on Mon 11 Jan 2027");

        // C5 minutes: every action needs an owner and a target date
        Scenario.now(LocalDateTime.of(2027, 1, 12, 9, 0));
        assertThatThrownBy(() -> scenario.complete(officer, meeting, "Task_RecordMinutes", Map.of(
                "heldOn", "2027-01-11", "minutes", "Discussed the QAF.",
                "actions", "Return the QAF | Provider manager | 2027-02-01\nWrite a training plan |  | 2027-03-01")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Action line 2 (\"Write a training plan\") has no owner");
        assertThat(improvementPlan.openActions(service.getServiceCode())).isEmpty();
        scenario.complete(officer, meeting, "Task_RecordMinutes", Map.of(
                "heldOn", "2027-01-11", "minutes", "Discussed the QAF.",
                "actions", "Return the QAF | Provider manager | 2027-02-01\nWrite a training plan | J. Smith | 2027-03-01"));
        assertThat(improvementPlan.openActions(service.getServiceCode())).extracting(ImprovementAction::getOwner)
                .containsExactly("Provider manager", "J. Smith");

        // C6 RED: next meeting in 3 months (cmm-frequency), default notice considered
        scenario.complete(manager, meeting, "Task_ReassignPriority", Map.of("newPriorityLevel", "RED",
                "priorityReason", "QAF not returned and staffing risk", "unannouncedAudits", true));
        assertThat(services.byCode(service.getServiceCode()).getPriorityLevel()).isEqualTo(PriorityLevel.RED);
        assertThat(services.byCode(service.getServiceCode()).getNextMeetingDue()).isEqualTo(LocalDate.of(2027, 4, 11));
        assertThat(meetings.get(meetingId).getUnannouncedAudits()).isTrue();
        scenario.complete(manager, meeting, "Task_DecideDefaultNotice", Map.of("issueDefaultNotice", "no",
                "defaultNoticeReason", "Give the improvement plan three months"));
        assertThat(meetings.get(meetingId).getDefaultNoticeDecision()).isEqualTo(
                "No default notice: Give the improvement plan three months");

        // C8 the provider's survey: only that provider's staff see it
        scenario.executeDueJobs(meeting.getId());
        assertThat(mailSubjectsTo(provider.getEmail())).contains(
                "Your feedback on the contract management meeting CMM-S" + code + "-20270111");
        assertThat(scenario.as(otherProviderUser, () -> taskService.createTaskQuery()
                .processInstanceId(meeting.getId()).count())).isZero();
        // the provider now has two tasks: the survey and, on the parallel C7 branch, the improvement plan to write
        assertThat(scenario.as(providerUser, () -> taskService.createTaskQuery()
                .processInstanceId(meeting.getId()).list()).stream().map(Task::getTaskDefinitionKey))
                .containsExactlyInAnyOrder("Task_GiveFeedback", "Task_WriteImprovementPlan");

        // C7 the provider writes the plan from the open actions; the officer returns it once, then agrees the revision
        assertThat(runtimeService.getVariable(meeting.getId(), "openActionCount")).isEqualTo(2);
        assertThat(runtimeService.getVariable(meeting.getId(), "openActions")).isEqualTo(
                "Return the QAF | Provider manager | 2027-02-01\nWrite a training plan | J. Smith | 2027-03-01");
        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan", Map.of("improvementPlan",
                "Return the QAF by 1 February; training plan drafted by the manager in February."));
        assertThat(scenario.task(meeting, "Task_AgreeImprovementPlan").getAssignee()).isEqualTo(officer);
        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "revise",
                "planReviewComments", "Name who delivers the lone-working training."));
        assertThat(runtimeService.getVariable(meeting.getId(), "planReviewComments"))
                .isEqualTo("Name who delivers the lone-working training.");
        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan", Map.of("improvementPlan",
                "Return the QAF by 1 February; J. Smith delivers lone-working training by 1 March."));
        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "agree"));
        assertThat(improvementPlan.planOf(meetingId).orElseThrow().getStatus())
                .isEqualTo(ImprovementPlanDocument.Status.AGREED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ImprovementPlanAgreed").count()).isEqualTo(1);

        scenario.complete(providerUser, meeting, "Task_GiveFeedback", Map.of("preparationRating", 4,
                "conductRating", 5, "usefulnessRating", 3, "feedbackComments", "Clear agenda"));
        assertThat(meetings.get(meetingId).getStatus()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(meeting.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_MeetingFollowedUp");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_MeetingClosed").finished().count()).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ClosedWithoutFeedback").count()).isZero();
        assertThat(schedule.feedbackSummary(YearMonth.of(2027, 1))).as("C8 answers summarised")
                .contains("survey answer(s)").contains("usefulness");

        // C7 an action is closed as soon as the service's own officer validates it
        ImprovementAction first = improvementPlan.openActions(service.getServiceCode()).get(0);
        assertThatThrownBy(() -> improvementPlan.validateAndClose(first.getId(), otherOfficer, false, "Seen it"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Only the purchasing officer");
        improvementPlan.validateAndClose(first.getId(), officer, false, "QAF received 30 January");
        assertThat(improvementPlan.openActions(service.getServiceCode())).extracting(ImprovementAction::getDescription)
                .containsExactly("Write a training plan");

        // C1 the monthly report counts this meeting as held on schedule
        assertThat(schedule.monthlyReport(YearMonth.of(2027, 1)).meetings())
                .contains("CMM-S" + code + "-20270111 held Mon 11 Jan 2027");
        assertThat(schedule.scheduleCsv(2027)).contains("S" + code + ",Floating support " + code + ",RED," + officer
                + ",2027-04-11");
    }

    @Test
    @DisplayName("C3 C4 a review with no Medium or High clause goes straight to the agenda")
    void noConcernsNoAudit() {
        ProcessInstance meeting = start("2027-02-15");
        scenario.executeDueJobs(meeting.getId());
        scenario.complete(officer, meeting, "Task_InternalComplianceAudit", Map.of());
        assertThat(scenario.task(meeting, "Task_PrepareAgenda")).isNotNull();
        assertThat(scenario.task(meeting, "Task_ReviewRiskClause")).isNull();
    }

    @Test
    @DisplayName("C4 C6 C8 no audit with the provider, service stays GREEN, no survey answer in 4 weeks: the meeting closes")
    void noAuditGreenNoFeedback() {
        ProcessInstance meeting = start("2027-03-01");
        scenario.executeDueJobs(meeting.getId());
        scenario.complete(officer, meeting, "Task_InternalComplianceAudit",
                Map.of("complaintsComments", "One complaint, resolved", "complaintsServiceUserImpact", "some"));
        Task clauseReview = scenario.as(manager, () -> taskService.createTaskQuery().processInstanceId(meeting.getId())
                .singleResult());
        assertThat(clauseReview.getTaskDefinitionKey()).isEqualTo("Task_ReviewRiskClause");
        scenario.as(manager, () -> {
            taskService.complete(clauseReview.getId());
            return null;
        });
        assertThatThrownBy(() -> scenario.complete(manager, meeting, "Task_DecideComplianceAudit",
                Map.of("holdComplianceAudit", false)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("justify why");
        scenario.complete(manager, meeting, "Task_DecideComplianceAudit",
                Map.of("holdComplianceAudit", false, "decisionReason", "Complaint already resolved"));
        assertThat(scenario.task(meeting, "Task_ComplianceAuditWithProvider")).isNull();
        scenario.complete(officer, meeting, "Task_PrepareAgenda",
                Map.of("agenda", runtimeService.getVariable(meeting.getId(), "agenda")));
        scenario.executeDueJobs(meeting.getId());
        Scenario.now(LocalDateTime.of(2027, 3, 2, 9, 0));
        scenario.complete(officer, meeting, "Task_RecordMinutes", Map.of("heldOn", "2027-03-01", "minutes", "Fine."));
        scenario.complete(manager, meeting, "Task_ReassignPriority",
                Map.of("newPriorityLevel", "GREEN", "priorityReason", "Good performance"));
        assertThat(services.byCode(service.getServiceCode()).getNextMeetingDue()).as("C1 GREEN: 12 months")
                .isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(scenario.task(meeting, "Task_DecideDefaultNotice")).isNull();
        scenario.executeDueJobs(meeting.getId());
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).isNotNull();

        Scenario.now(LocalDateTime.of(2027, 3, 31, 9, 0));
        scenario.executeDueJobs(meeting.getId());
        Long meetingId = (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(meeting.getId())
                .variableName("meetingId").singleResult().getValue();
        assertThat(meetings.get(meetingId).getStatus()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(meeting.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_MeetingFollowedUp");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ClosedWithoutFeedback").finished().count()).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_MeetingClosed").count()).isZero();
    }

    private ProcessInstance start(String meetingDate) {
        return scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("contract-management-meeting",
                Map.of("serviceCode", "S" + code, "meetingDate", meetingDate)));
    }

    private List<String> mailSubjectsTo(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private MimeMessage lastMailTo(String address) throws Exception {
        MimeMessage last = null;
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                last = message;
            }
        }
        assertThat(last).as("a mail to " + address).isNotNull();
        return last;
    }
}
