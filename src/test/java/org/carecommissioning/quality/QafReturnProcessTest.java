package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.as;
import static org.carecommissioning.support.ProcessSteps.completeAs;
import static org.carecommissioning.support.ProcessSteps.variable;
import static org.carecommissioning.support.MailRetries.retriedJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.FinalDecision;
import org.carecommissioning.quality.QafReturns.GradesResponse;
import org.carecommissioning.quality.QafReturns.ReviewResult;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.quality.QafReturns.ValidationInputs;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/qaf.bpmn on a plain in-memory engine with the REAL delegate beans, registered under their bean names with
 * Camunda's {@link Mocks}; the services they call ({@link QafReturns}, {@link NotificationService}) are Mockito mocks,
 * and the two decision tables are the real ones. Each test walks one path and asserts the path, the variables the
 * delegates write and the service calls they make; the rules themselves are the service's (QafReturnsTest).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/qaf.bpmn", "dmn/qaf-target-level.dmn", "dmn/qaf-validation-visit.dmn"})
@DisplayName("qaf-return process (Q2-Q5, Q7, Q8, X1, X2)")
class QafReturnProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "qaf-return";
    private static final String SERVICE_CODE = "S1001";
    private static final String SERVICE_NAME = "Hope Floating Support";
    private static final String REFERENCE = "QAF-S1001-2026-1";
    private static final LocalDate MEETING = LocalDate.of(2027, 2, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 21);
    private static final String PROVIDER_GROUP = "pr-hope";
    private static final String PROVIDER_EMAIL = "hope@provider.example";
    private static final String OFFICER = "olivia.officer";
    private static final String PROVIDER_USER = "prov-hope";
    private static final String MANAGER = "cara.manager";
    private static final String CLERK = "dan.clerk";
    private static final String CSG_EMAIL = "csg@commissioning.example";
    /** Q7: 4 weeks after the grades e-mail of 2 Nov 2026. */
    private static final LocalDate RESPOND_BY = LocalDate.of(2026, 11, 30);
    private static final LocalDate RECONSIDERED_RESPOND_BY = LocalDate.of(2026, 12, 28);
    /** Q8: 2 weeks after the grades are final (2 Nov 2026 in these tests). */
    private static final LocalDate PLAN_DUE = LocalDate.of(2026, 11, 16);
    /** Q8: one month after the plan came in. */
    private static final LocalDate VALIDATE_ON = LocalDate.of(2026, 12, 2);

    private QafReturns returns;
    private QafScheduling scheduling;
    private NotificationService notifications;
    private QafReturn qaf;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        returns = mock(QafReturns.class);
        notifications = mock(NotificationService.class);
        QafDeadlines deadlines = new QafDeadlines(LONDON);

        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn(SERVICE_NAME);
        when(service.getServiceCode()).thenReturn(SERVICE_CODE);
        when(service.getPurchasingOfficer()).thenReturn(OFFICER);
        Organisation provider = mock(Organisation.class);
        when(provider.getGroupId()).thenReturn(PROVIDER_GROUP);
        when(provider.getName()).thenReturn("Hope Housing");
        when(provider.getEmail()).thenReturn(PROVIDER_EMAIL);

        qaf = new QafReturn(REFERENCE, 11L, "2026/27", QafVariant.FULL, MEETING, TestClock.today(), DUE, OFFICER,
                TestClock.now());
        when(returns.issue(SERVICE_CODE, QafVariant.FULL, MEETING, OFFICER)).thenReturn(qaf);
        when(returns.get(REFERENCE)).thenReturn(qaf);
        when(returns.serviceOf(qaf)).thenReturn(service);
        when(returns.providerOf(qaf)).thenReturn(provider);
        when(returns.submitSelfAssessment(eq(REFERENCE), any(), any())).thenReturn(qaf);
        when(returns.recordDeskTopReview(eq(REFERENCE), any(), any())).thenReturn(new ReviewResult(false, null));
        when(returns.recordValidationDecision(eq(REFERENCE), anyBoolean(), anyString())).thenAnswer(call -> {
            qaf.validationDecided(call.getArgument(1), call.getArgument(2), TestClock.now());
            return qaf;
        });
        when(returns.planVisit(eq(REFERENCE), any())).thenAnswer(call -> {
            qaf.visitPlanned(call.getArgument(1), TestClock.now());
            return qaf;
        });
        when(returns.recordVisit(eq(REFERENCE), any(), any())).thenReturn(qaf);
        when(returns.agreeGrades(eq(REFERENCE), any(), any())).thenAnswer(call -> {
            for (CoreObjective objective : CoreObjective.values()) {
                qaf.objective(objective).agree(QafGrade.C, null);
            }
            qaf.agreed(OFFICER, TestClock.now());
            qaf.told(RESPOND_BY, TestClock.now());
            return qaf;
        });
        when(returns.latestAgreedBefore(qaf)).thenReturn(Optional.empty());
        when(returns.respondToGrades(eq(REFERENCE), any(), any())).thenAnswer(call -> {
            GradesResponse response = call.getArgument(1);
            if (response.accept()) {
                finalise(QafReturn.FinalRoute.ACCEPTED);
            } else {
                response.objectiveEvidence().forEach((objective, text) -> qaf.objective(objective).appeal(text));
                qaf.disagreed(response.evidence(), qaf.getStatus() == QafStatus.RECONSIDERED ? QafStatus.FINAL_REVIEW
                        : QafStatus.DISAGREED, TestClock.now());
            }
            return qaf;
        });
        when(returns.acceptByDefault(REFERENCE)).thenAnswer(call -> {
            finalise(QafReturn.FinalRoute.NO_RESPONSE);
            return qaf;
        });
        when(returns.reconsiderGrades(eq(REFERENCE), any(), any())).thenAnswer(call -> {
            qaf.reconsidered(OFFICER, RECONSIDERED_RESPOND_BY, TestClock.now());
            return qaf;
        });
        when(returns.decideFinalGrades(eq(REFERENCE), any(), any())).thenAnswer(call -> {
            FinalDecision decision = call.getArgument(1);
            if (decision.visitFirst()) {
                qaf.finalVisitOrdered(TestClock.now());
            } else {
                qaf.finalDecision(decision.note(), MANAGER);
                finalise(QafReturn.FinalRoute.FINAL_DECISION);
            }
            return qaf;
        });
        when(returns.recordFinalVisit(eq(REFERENCE), any())).thenReturn(qaf);
        when(returns.recordSwiftEntry(eq(REFERENCE), anyBoolean(), any(), any())).thenReturn(qaf);
        when(returns.submitImprovementPlan(eq(REFERENCE), any(), any())).thenAnswer(call -> {
            qaf.planSubmitted(call.getArgument(1), PROVIDER_USER, VALIDATE_ON, TestClock.now());
            return qaf;
        });
        when(returns.reviewImprovementPlan(eq(REFERENCE), anyBoolean(), any(), any())).thenReturn(qaf);
        when(returns.validateImprovement(eq(REFERENCE), any(), any(), any())).thenAnswer(call -> {
            qaf.improvementValidated(call.getArgument(1), call.getArgument(2), OFFICER, TestClock.now());
            return qaf;
        });
        when(returns.decideDefaultNotice(eq(REFERENCE), any(), any(), any())).thenReturn(qaf);

        Mocks.register("qafIssueDelegate", new QafIssueDelegate(returns, deadlines));
        Mocks.register("qafIssuedMailDelegate", new QafIssuedMailDelegate(returns, notifications));
        Mocks.register("qafSelfAssessmentDelegate", new QafSelfAssessmentDelegate(returns));
        Mocks.register("qafNonReturnDelegate", new QafNonReturnDelegate(returns));
        Mocks.register("qafReminderMailDelegate", new QafReminderMailDelegate(returns, notifications));
        Mocks.register("qafDeskTopReviewDelegate", new QafDeskTopReviewDelegate(returns, deadlines));
        Mocks.register("qafEvidenceRequestMailDelegate", new QafEvidenceRequestMailDelegate(returns, notifications));
        Mocks.register("qafValidationInputsDelegate", new QafValidationInputsDelegate(returns));
        Mocks.register("qafValidationDecisionDelegate", new QafValidationDecisionDelegate(returns));
        Mocks.register("qafVisitDateDelegate", new QafVisitDateDelegate(returns, deadlines));
        Mocks.register("qafVisitDateMailDelegate", new QafVisitDateMailDelegate(returns, notifications));
        Mocks.register("qafVisitFindingsDelegate", new QafVisitFindingsDelegate(returns));
        Mocks.register("qafAgreeGradesDelegate", new QafAgreeGradesDelegate(returns, deadlines));
        Mocks.register("qafAgreedGradesMailDelegate", new QafAgreedGradesMailDelegate(returns, notifications,
                new QafSummaryPdf()));
        ContractManagementProperties contractManagement = new ContractManagementProperties("cm@commissioning.example",
                CSG_EMAIL, "body@commissioning.example", 28);
        Mocks.register("qafResponseDelegate", new QafResponseDelegate(returns, deadlines));
        Mocks.register("qafNoResponseDelegate", new QafNoResponseDelegate(returns, deadlines));
        Mocks.register("qafReconsiderDelegate", new QafReconsiderDelegate(returns, deadlines));
        Mocks.register("qafReconsideredGradesMailDelegate", new QafReconsideredGradesMailDelegate(returns, notifications));
        Mocks.register("qafFinalDecisionDelegate", new QafFinalDecisionDelegate(returns, deadlines));
        Mocks.register("qafFinalVisitDelegate", new QafFinalVisitDelegate(returns));
        Mocks.register("qafFinalDecisionMailDelegate", new QafFinalDecisionMailDelegate(returns, notifications));
        Mocks.register("qafCsgConcernsMailDelegate", new QafCsgConcernsMailDelegate(returns, notifications,
                contractManagement));
        Mocks.register("qafSwiftEntryDelegate", new QafSwiftEntryDelegate(returns));
        Mocks.register("qafImprovementPlanDelegate", new QafImprovementPlanDelegate(returns, deadlines));
        Mocks.register("qafOfficerPlanReviewDelegate", new QafOfficerPlanReviewDelegate(returns));
        Mocks.register("qafManagerPlanReviewDelegate", new QafManagerPlanReviewDelegate(returns));
        Mocks.register("qafImprovementValidationDelegate", new QafImprovementValidationDelegate(returns));
        Mocks.register("qafNoImprovementMailDelegate", new QafNoImprovementMailDelegate(returns, notifications,
                contractManagement));
        Mocks.register("qafDefaultNoticeDelegate", new QafDefaultNoticeDelegate(returns));
        scheduling = mock(QafScheduling.class);
        Mocks.register("qafMoveDatesDelegate", new QafMoveDatesDelegate(scheduling, deadlines));
        Mocks.register("qafNewDeadlineMailDelegate", new QafNewDeadlineMailDelegate(returns, notifications));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** The officer's tasks: assigned to the service's purchasing officer, open to the contracts managers too. */
    private static void assertOfficerTask(Task task) {
        assertThat(task).isAssignedTo(OFFICER);
        assertThat(taskService().getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
            assertThat(link.getGroupId()).isEqualTo("contracts-manager");
            assertThat(link.getType()).isEqualTo("candidate");
        });
    }

    private static Email mail(String template) {
        return argThat(email -> email != null && email.to().equals(PROVIDER_EMAIL) && email.template().equals(template)
                && REFERENCE.equals(email.model().get("qafReference")));
    }

    private List<Email> sent() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, org.mockito.Mockito.atLeast(0)).send(sent.capture());
        return sent.getAllValues();
    }

    /** Q2: the purchasing officer issues the QAF; the issue e-mail goes out as its own retried job. */
    private ProcessInstance issue() {
        ProcessInstance instance = as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE, "qafVariant", "FULL", "meetingDate", MEETING.toString())));
        assertThat(instance).hasBusinessKey(REFERENCE).isWaitingAtExactly("Task_EmailQafIssued");
        assertThat(variable(instance, "targetGrade")).as("Q2 qaf-target-level for 2026/27").isEqualTo("C");
        verify(notifications, never()).send(any());
        execute(retriedJob(instance, "Task_EmailQafIssued"));
        verify(notifications).send(mail("qaf-issued"));
        assertThat(new HashMap<String, Object>(sent().get(0).model())).containsEntry("targetGrade", "C")
                .containsEntry("dueDate", "Mon 21 Dec 2026");
        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");
        return instance;
    }

    /** Q3: the provider's form, every objective claiming {@code grade} with C (and B, A) evidence as it needs. */
    private static Map<String, Object> selfAssessment(String grade) {
        Map<String, Object> form = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> {
            form.put(fields.claimed(), grade);
            form.put(fields.evidenceC(), "Written policy, reviewed yearly.");
            form.put(fields.evidenceB(), "B".equals(grade) || "A".equals(grade) ? "Audited quarterly." : null);
            form.put(fields.evidenceA(), "A".equals(grade) ? "Rated outstanding externally." : null);
        });
        form.put("qafSummary", "We meet the standard throughout.");
        return form;
    }

    /** Q4: the officer's review form with the same grade for every objective. */
    private static Map<String, Object> review(String grade, boolean concerns) {
        Map<String, Object> form = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> {
            form.put(fields.officerGrade(), grade);
            form.put(fields.officerComment(), "Evidence seen.");
        });
        form.put("concernsRaised", concerns);
        form.put("inProcurementReview", false);
        form.put("reviewOutcome", "accept");
        return form;
    }

    private static Map<String, Object> agreedGrades(String grade) {
        Map<String, Object> form = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> form.put(fields.agreedGrade(), grade));
        return form;
    }

    /** Submits the self-assessment and returns the officer's review task. */
    private Task submit(ProcessInstance instance, String grade) {
        Task provider = task(instance);
        assertThat(provider).hasCandidateGroup(PROVIDER_GROUP).isNotAssigned()
                .hasDueDate(london("2026-12-21T23:59:59"));
        completeAs(PROVIDER_USER, provider, selfAssessment(grade));
        assertThat(instance).isWaitingAtExactly("Task_ReviewSelfAssessment");
        Task review = task(instance);
        assertOfficerTask(review);
        assertThat(review).hasDueDate(london("2027-02-01T23:59:59"));
        return review;
    }

    private void inputs(int change, boolean gradeA, boolean concerns, boolean procurement, double draw) {
        when(returns.validationInputs(REFERENCE)).thenReturn(new ValidationInputs(change, gradeA, concerns, procurement,
                draw));
    }

    /**
     * Q7: the officer agrees the grades; the provider is told by e-mail with the Summary of QAF Grading attached and
     * has the response task, due 4 weeks later.
     */
    private void agreeAndTell(ProcessInstance instance) {
        assertThat(instance).isWaitingAtExactly("Task_AgreeGrades");
        assertThat(task(instance)).isAssignedTo(OFFICER);
        completeAs(OFFICER, task(instance), agreedGrades("C"));
        verify(returns).agreeGrades(eq(REFERENCE), argThat(grades -> grades.size() == 7
                && grades.values().stream().allMatch(g -> g.grade() == QafGrade.C)), eq(OFFICER));
        execute(retriedJob(instance, "Task_EmailAgreedGrades"));
        verify(notifications).send(mail("qaf-agreed-grades"));
        Email told = sent().stream().filter(e -> e.template().equals("qaf-agreed-grades")).findFirst().orElseThrow();
        assertThat(told.model().get("respondBy")).isEqualTo("Mon 30 Nov 2026");
        assertThat(told.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.fileName()).isEqualTo("Summary-of-QAF-Grading-" + REFERENCE + ".pdf");
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
        });
        assertThat(instance).isWaitingAtExactly("Task_RespondToGrades");
        assertThat(task(instance)).hasCandidateGroup(PROVIDER_GROUP).hasDueDate(london("2026-11-30T23:59:59"));
    }

    /** Q7: the service's finalisation as the mock sees it: the D grade (if any) sets the plan's due date. */
    private void finalise(QafReturn.FinalRoute route) {
        qaf.finalised(route, qaf.hasDGrade() ? PLAN_DUE : null, TestClock.now());
    }

    /** Q2-Q7: issued, self-assessed C, reviewed without a visit, agreed and told; the provider's answer is awaited. */
    private ProcessInstance gradesTold() {
        ProcessInstance instance = issue();
        Task review = submit(instance, "C");
        inputs(0, false, false, false, 50.0);
        completeAs(OFFICER, review, review("C", false));
        agreeAndTell(instance);
        return instance;
    }

    private static Map<String, Object> disagree(String evidence) {
        Map<String, Object> form = new HashMap<>();
        form.put("gradesResponse", "disagree");
        form.put("c13AppealEvidence", evidence);
        form.put("appealEvidence", "We ask for the evidence to be looked at again.");
        return form;
    }

    /** Q7 records: the clerk's task, then the process (and its improvement branch, if done) ends. */
    private void clerkRecords(ProcessInstance instance) {
        Task clerk = taskQuery(instance, "Task_RecordQafGrades");
        assertThat(clerk).hasCandidateGroup("data-input-clerk").isNotAssigned();
        completeAs(CLERK, clerk, Map.of("enteredOnSwift", true, "swiftDate", "2026-11-03"));
        verify(returns).recordSwiftEntry(REFERENCE, true, LocalDate.of(2026, 11, 3), CLERK);
    }

    private static Task taskQuery(ProcessInstance instance, String activityId) {
        Task found = taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
        assertThat(found).as("task " + activityId).isNotNull();
        return found;
    }

    private List<Email> sentTo(String template) {
        return sent().stream().filter(e -> e.template().equals(template)).toList();
    }

    // --- paths ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("Q2 Q3 Q4 Q5 Q7 no visit: issued with the target level, self-assessed, reviewed, none of Q5 applies, grades agreed")
    void noValidationVisit() {
        ProcessInstance instance = issue();
        Task review = submit(instance, "B");

        ArgumentCaptor<SelfAssessment> claims = ArgumentCaptor.forClass(SelfAssessment.class);
        verify(returns).submitSelfAssessment(eq(REFERENCE), claims.capture(), eq(PROVIDER_USER));
        assertThat(claims.getValue().claims()).hasSize(7).allSatisfy((objective, claim) -> {
            assertThat(claim.grade()).isEqualTo(QafGrade.B);
            assertThat(claim.evidenceB()).isEqualTo("Audited quarterly.");
        });
        assertThat(claims.getValue().summary()).isEqualTo("We meet the standard throughout.");

        inputs(1, false, false, false, 10.0);
        completeAs(OFFICER, review, review("B", false));
        ArgumentCaptor<DeskTopReview> desk = ArgumentCaptor.forClass(DeskTopReview.class);
        verify(returns).recordDeskTopReview(eq(REFERENCE), desk.capture(), eq(OFFICER));
        assertThat(desk.getValue().moreEvidence()).isFalse();
        assertThat(desk.getValue().assessments().get(CoreObjective.C1_4).grade()).isEqualTo(QafGrade.B);

        verify(returns).recordValidationDecision(REFERENCE, false, "none");
        assertThat(variable(instance, "validationVisit")).isEqualTo(false);
        assertThat(variable(instance, "largestGradeChange")).isEqualTo(1);
        agreeAndTell(instance);
    }

    @Test
    @DisplayName("Q5 visit: a claim two grades from the latest agreed QAF needs a validation visit; date agreed, findings, grades agreed")
    void validationVisit() {
        ProcessInstance instance = issue();
        Task review = submit(instance, "C");
        inputs(2, false, false, false, 50.0);
        completeAs(OFFICER, review, review("C", false));

        verify(returns).recordValidationDecision(REFERENCE, true, "grade-change");
        assertThat(instance).isWaitingAtExactly("Task_AgreeVisitDate");
        assertThat(variable(instance, "validationReason")).isEqualTo("grade-change");
        assertOfficerTask(task(instance));

        completeAs(OFFICER, task(instance), Map.of("visitDate", "2026-12-15"));
        verify(returns).planVisit(REFERENCE, LocalDate.of(2026, 12, 15));
        execute(retriedJob(instance, "Task_EmailVisitDate"));
        verify(notifications).send(argThat(email -> email.template().equals("qaf-visit-date")
                && "Tue 15 Dec 2026".equals(email.model().get("visitDate"))));

        assertThat(instance).isWaitingAtExactly("Task_RecordVisitFindings");
        assertThat(task(instance)).isAssignedTo(OFFICER).hasDueDate(london("2026-12-15T23:59:59"));
        Map<String, Object> findings = new HashMap<>(Map.of("visitFindings", "Fire risk assessment out of date.",
                "c13VisitGrade", "D"));
        completeAs(OFFICER, task(instance), findings);
        verify(returns).recordVisit(eq(REFERENCE), argThat(visit -> visit.findings().startsWith("Fire risk")
                && visit.revisedGrades().equals(Map.of(CoreObjective.C1_3, QafGrade.D))), eq(OFFICER));
        agreeAndTell(instance);
    }

    @Test
    @DisplayName("Q5 an A claimed, concerns, the procurement review or a draw below 10 each lead to a visit, for its reason")
    void everyVisitReasonLeadsToTheVisit() {
        ProcessInstance instance = issue();
        Task review = submit(instance, "A");
        inputs(0, true, true, false, 5.0);
        completeAs(OFFICER, review, review("A", true));

        verify(returns).recordValidationDecision(REFERENCE, true, "grade-a-claimed");
        assertThat(instance).isWaitingAtExactly("Task_AgreeVisitDate");
    }

    @Test
    @DisplayName("Q7 accepted: the grades are final, the data input clerk records them on Swift, no D grade: the process ends")
    void gradesAccepted() {
        ProcessInstance instance = gradesTold();
        completeAs(PROVIDER_USER, task(instance), Map.of("gradesResponse", "accept"));
        verify(returns).respondToGrades(eq(REFERENCE), argThat(GradesResponse::accept), eq(PROVIDER_USER));
        assertThat(variable(instance, "responseOutcome")).isEqualTo("accepted");
        assertThat(variable(instance, "dGrade")).as("Q8 no D grade").isEqualTo(false);
        assertThat(instance).isWaitingAt("Task_RecordQafGrades");
        clerkRecords(instance);
        assertThat(instance).hasPassed("Gateway_AnyDGrade").hasNotPassed("Task_WriteQafImprovementPlan").isEnded();
    }

    @Test
    @DisplayName("Q7 Decision X1 no response by the deadline: once the day 4 weeks after the e-mail is over, the grades as told are final")
    void noResponseIsAcceptance() {
        ProcessInstance instance = gradesTold();
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(london("2026-12-01T00:00"));
        TestClock.setTo(timer.getDuedate());
        execute(timer);
        verify(returns).acceptByDefault(REFERENCE);
        verify(returns, never()).respondToGrades(any(), any(), any());
        assertThat(instance).hasPassed("BoundaryEvent_NoResponse", "Task_AcceptByDefault")
                .isWaitingAt("Task_RecordQafGrades");
        clerkRecords(instance);
        assertThat(instance).isEnded();
    }

    @Test
    @DisplayName("Q7 disagreed with further evidence: the officer reconsiders, the provider is told (own e-mail job) and accepts")
    void disagreedThenReconsideredAndAccepted() {
        ProcessInstance instance = gradesTold();
        completeAs(PROVIDER_USER, task(instance), disagree("Fire drills are logged monthly, log attached."));
        verify(returns).respondToGrades(eq(REFERENCE), argThat(r -> !r.accept()
                && r.objectiveEvidence().get(CoreObjective.C1_3).startsWith("Fire drills")
                && r.evidence().startsWith("We ask")), eq(PROVIDER_USER));
        assertThat(variable(instance, "responseOutcome")).isEqualTo("reconsider");
        assertThat(instance).isWaitingAtExactly("Task_ReconsiderGrades");
        assertOfficerTask(task(instance));

        completeAs(OFFICER, task(instance), agreedGrades("C"));
        verify(returns).reconsiderGrades(eq(REFERENCE), argThat(grades -> grades.size() == 7), eq(OFFICER));
        assertThat(instance).isWaitingAtExactly("Task_EmailReconsideredGrades");
        execute(retriedJob(instance, "Task_EmailReconsideredGrades"));
        assertThat(sentTo("qaf-reconsidered-grades")).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo(PROVIDER_EMAIL);
            assertThat(email.model().get("respondBy")).isEqualTo("Mon 28 Dec 2026");
        });
        assertThat(instance).isWaitingAtExactly("Task_RespondToGrades");
        assertThat(task(instance)).hasDueDate(london("2026-12-28T23:59:59"));
        assertThat(variable(instance, "gradesResponse")).as("the form starts empty").isNull();

        completeAs(PROVIDER_USER, task(instance), Map.of("gradesResponse", "accept"));
        assertThat(instance).isWaitingAt("Task_RecordQafGrades");
        verify(returns, never()).decideFinalGrades(any(), any(), any());
    }

    @Test
    @DisplayName("Q7 Q8 still disagreed: the contracts manager orders a visit, decides; provider and CSG told in separate jobs; "
            + "a D grade needs a plan in 2 weeks, two reviews, validation a month later; no improvement: CSG, default notice")
    void finalDecisionThenDGradeWithoutImprovement() {
        ProcessInstance instance = gradesTold();
        completeAs(PROVIDER_USER, task(instance), disagree("Fire drills are logged monthly."));
        completeAs(OFFICER, task(instance), agreedGrades("C"));
        execute(retriedJob(instance, "Task_EmailReconsideredGrades"));
        completeAs(PROVIDER_USER, task(instance), disagree("Still: the drills are logged."));
        assertThat(variable(instance, "responseOutcome")).isEqualTo("final-decision");

        assertThat(instance).isWaitingAtExactly("Task_FinalGradeDecision");
        assertThat(task(instance)).hasCandidateGroup("contracts-manager");
        Map<String, Object> visitFirst = new HashMap<>(agreedGrades("C"));
        visitFirst.put("finalVisitFirst", true);
        completeAs(MANAGER, task(instance), visitFirst);
        assertThat(variable(instance, "finalVisitOrdered")).isEqualTo(true);
        assertThat(instance).isWaitingAtExactly("Task_FinalValidationVisit");
        assertOfficerTask(task(instance));
        completeAs(OFFICER, task(instance), Map.of("finalVisitFindings", "No fire drill since March."));
        verify(returns).recordFinalVisit(REFERENCE, "No fire drill since March.");
        assertThat(variable(instance, "finalVisitFirst")).isEqualTo(false);

        assertThat(instance).isWaitingAtExactly("Task_FinalGradeDecision");
        Map<String, Object> decision = new HashMap<>(agreedGrades("C"));
        decision.put("c13AgreedGrade", "D");
        decision.put("c13AgreedReason", "No fire drill since March.");
        decision.put("finalDecisionNote", "The visit confirmed the officer's grades; C1.3 falls to D.");
        qaf.objective(CoreObjective.C1_3).agree(QafGrade.D, "No fire drill since March.");
        completeAs(MANAGER, task(instance), decision);
        verify(returns).decideFinalGrades(eq(REFERENCE), argThat(d -> !d.visitFirst()
                && d.grades().get(CoreObjective.C1_3).grade() == QafGrade.D && d.note().startsWith("The visit")),
                eq(MANAGER));
        assertThat(variable(instance, "dGrade")).isEqualTo(true);

        assertThat(instance).isWaitingAtExactly("Task_EmailFinalDecision");
        execute(retriedJob(instance, "Task_EmailFinalDecision"));
        verify(notifications).send(mail("qaf-final-decision"));
        assertThat(sentTo("qaf-csg-concerns")).as("X2 its own step").isEmpty();
        execute(retriedJob(instance, "Task_EmailConcernsToCsg"));
        assertThat(sentTo("qaf-csg-concerns")).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo(CSG_EMAIL);
            assertThat(email.model().get("providerConcerns").toString()).contains("Still: the drills are logged.");
        });

        assertThat(instance).isWaitingAt("Task_RecordQafGrades", "Task_WriteQafImprovementPlan");
        Task plan = taskQuery(instance, "Task_WriteQafImprovementPlan");
        assertThat(plan).hasCandidateGroup(PROVIDER_GROUP).hasDueDate(london("2026-11-16T23:59:59"));
        completeAs(PROVIDER_USER, plan, Map.of("improvementPlan", "Monthly drills from December, logged."));
        verify(returns).submitImprovementPlan(REFERENCE, "Monthly drills from December, logged.", PROVIDER_USER);
        assertThat(instance).isWaitingAt("Task_ReviewQafPlanOfficer", "Task_ReviewQafPlanManager");
        Task officerReview = taskQuery(instance, "Task_ReviewQafPlanOfficer");
        assertOfficerTask(officerReview);
        completeAs(OFFICER, officerReview, Map.of("planOfficerReview", "Realistic."));
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("Q8 both reviews needed").isZero();
        Task managerReview = taskQuery(instance, "Task_ReviewQafPlanManager");
        assertThat(managerReview).hasCandidateGroup("contracts-manager");
        completeAs(MANAGER, managerReview, Map.of("planManagerReview", "Agreed."));
        verify(returns).reviewImprovementPlan(REFERENCE, false, "Realistic.", OFFICER);
        verify(returns).reviewImprovementPlan(REFERENCE, true, "Agreed.", MANAGER);

        Job validation = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(validation.getDuedate()).as("Q8 one month after the plan").isEqualTo(london("2026-12-02T00:00"));
        TestClock.setTo(validation.getDuedate());
        execute(validation);
        Task validate = taskQuery(instance, "Task_ValidateQafImprovement");
        assertOfficerTask(validate);
        completeAs(OFFICER, validate, Map.of("improvementOutcome", "no", "improvementFindings", "Still no drills."));
        verify(returns).validateImprovement(REFERENCE, false, "Still no drills.", OFFICER);
        execute(retriedJob(instance, "Task_EmailNoImprovementToCsg"));
        assertThat(sentTo("qaf-csg-no-improvement")).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo(CSG_EMAIL);
            assertThat(email.model().get("improvementFindings")).isEqualTo("Still no drills.");
        });
        Task notice = taskQuery(instance, "Task_DecideQafDefaultNotice");
        assertThat(notice).hasCandidateGroup("contracts-manager");
        completeAs(MANAGER, notice, Map.of("defaultNoticeOutcome", "issue", "defaultNoticeReason", "No improvement."));
        verify(returns).decideDefaultNotice(REFERENCE, true, "No improvement.", MANAGER);

        assertThat(instance).isWaitingAt("Task_RecordQafGrades");
        clerkRecords(instance);
        assertThat(instance).isEnded();
    }

    @Test
    @DisplayName("Q8 a D grade accepted by the provider: plan, reviews, validation finds improvement: no CSG e-mail, no default notice")
    void dGradeImproved() {
        ProcessInstance instance = gradesTold();
        qaf.objective(CoreObjective.C1_6).agree(QafGrade.D, "No complaints log.");
        completeAs(PROVIDER_USER, task(instance), Map.of("gradesResponse", "accept"));
        clerkRecords(instance);
        assertThat(instance).isWaitingAt("Task_WriteQafImprovementPlan");
        completeAs(PROVIDER_USER, task(instance), Map.of("improvementPlan", "A complaints log from Monday."));
        completeAs(OFFICER, taskQuery(instance, "Task_ReviewQafPlanOfficer"), Map.of("planOfficerReview", "Fine."));
        completeAs(MANAGER, taskQuery(instance, "Task_ReviewQafPlanManager"), Map.of("planManagerReview", "Fine."));
        execute(jobQuery().processInstanceId(instance.getId()).timers().singleResult());
        completeAs(OFFICER, task(instance), Map.of("improvementOutcome", "yes", "improvementFindings", "Log in use."));
        assertThat(instance).hasNotPassed("Task_EmailNoImprovementToCsg", "Task_DecideQafDefaultNotice").isEnded();
        assertThat(sentTo("qaf-csg-no-improvement")).isEmpty();
    }

    @Test
    @DisplayName("Q7 a disagreement after the deadline or the final decision is refused on the form: the task stays open, nothing moves")
    void lateDisagreementIsRefused() {
        ProcessInstance instance = gradesTold();
        doThrow(new BusinessRuleViolation("Q7", "The deadline to disagree with the grades of QAF " + REFERENCE
                + " was Mon 30 Nov 2026; the grades stand as told.")).when(returns)
                .respondToGrades(eq(REFERENCE), any(), any());
        Task respond = task(instance);
        assertThatThrownBy(() -> completeAs(PROVIDER_USER, respond, disagree("Late evidence.")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("the grades stand as told");
        assertThat(instance).isWaitingAtExactly("Task_RespondToGrades");
        assertThat(task(instance).getId()).isEqualTo(respond.getId());
    }

    @Test
    @DisplayName("Q7 an answer that is neither accept nor disagree is refused with a sentence")
    void unknownAnswerIsRefused() {
        ProcessInstance instance = gradesTold();
        assertThatThrownBy(() -> completeAs(PROVIDER_USER, task(instance), Map.of("gradesResponse", "maybe")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q7: Choose whether you accept the grades or disagree.");
    }

    @Test
    @DisplayName("Q3 a claim without the evidence its level needs is refused on the form: the task stays open, nothing moves on")
    void missingEvidenceIsRefused() {
        ProcessInstance instance = issue();
        doThrow(new BusinessRuleViolation("Q3", "C1.3 Security, health and safety claims B: give written evidence for"
                + " grade C.")).when(returns).submitSelfAssessment(eq(REFERENCE), any(), any());
        Task provider = task(instance);

        assertThatThrownBy(() -> completeAs(PROVIDER_USER, provider, selfAssessment("B")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q3: C1.3 Security, health and safety claims B: give written evidence for grade C.");
        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");
        assertThat(task(instance).getId()).isEqualTo(provider.getId());
    }

    @Test
    @DisplayName("Q1 an unknown grade on the form is refused with a sentence naming the objective")
    void unknownGradeIsRefused() {
        ProcessInstance instance = issue();
        Map<String, Object> form = selfAssessment("C");
        form.put("c12Claimed", "E");

        assertThatThrownBy(() -> completeAs(PROVIDER_USER, task(instance), form))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q1: C1.2 Support planning: the claimed grade: \"E\" is not a grade; choose A, B, C or D.");
        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");
    }

    @Test
    @DisplayName("Q3 X1 returned for more evidence: the provider is e-mailed the request and gets the task again, due by the new date")
    void returnedForMoreEvidence() {
        ProcessInstance instance = issue();
        Task review = submit(instance, "B");
        when(returns.recordDeskTopReview(eq(REFERENCE), any(), any()))
                .thenReturn(new ReviewResult(true, LocalDate.of(2027, 1, 4)));
        qaf.returnForEvidence("Add the fire risk assessment.", OFFICER, TestClock.now());

        completeAs(OFFICER, review, Map.of("reviewOutcome", "more-evidence",
                "requestForEvidence", "Add the fire risk assessment."));
        verify(returns).recordDeskTopReview(eq(REFERENCE), argThat(DeskTopReview::moreEvidence), eq(OFFICER));
        assertThat(instance).isWaitingAtExactly("Task_EmailRequestForEvidence");
        execute(retriedJob(instance, "Task_EmailRequestForEvidence"));
        verify(notifications).send(argThat(email -> email.template().equals("qaf-more-evidence")
                && "Add the fire risk assessment.".equals(email.model().get("request"))
                && "Mon 4 Jan 2027".equals(email.model().get("resubmitBy"))));

        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");
        assertThat(task(instance)).hasCandidateGroup(PROVIDER_GROUP).hasDueDate(london("2027-01-04T23:59:59"));
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).as("X1 the reminder follows the new date").isEqualTo(london("2027-01-05T00:00"));
    }

    @Test
    @DisplayName("Q2 X1 X2 non-return: once the due day is over the non-return is a compliance issue, a reminder is sent, the task stays open")
    void nonReturnTimer() {
        ProcessInstance instance = issue();
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(london("2026-12-22T00:00"));

        TestClock.setTo(timer.getDuedate());
        execute(timer);
        verify(returns).recordNonReturn(REFERENCE);
        execute(retriedJob(instance, "Task_EmailReminder"));
        verify(notifications).send(mail("qaf-reminder"));
        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");

        submit(instance, "C");
        assertThat(instance).isWaitingAtExactly("Task_ReviewSelfAssessment");
    }

    @Test
    @DisplayName("Q2 X1 X2 the meeting moves before the self-assessment is in: the message moves the QAF's dates, the "
            + "provider is told, and the task and its non-return timer are opened again on the new date")
    void meetingMoved() {
        ProcessInstance instance = issue();
        LocalDate movedMeeting = LocalDate.of(2027, 2, 15);
        LocalDate movedDue = LocalDate.of(2027, 1, 4);
        QafReturn moved = new QafReturn(REFERENCE, 11L, "2026/27", QafVariant.FULL, movedMeeting, TestClock.today(),
                movedDue, OFFICER, TestClock.now());
        ContractedService service = returns.serviceOf(qaf);
        Organisation provider = returns.providerOf(qaf);
        when(scheduling.moveToMeeting(REFERENCE, movedMeeting)).thenReturn(moved);
        when(returns.get(REFERENCE)).thenReturn(moved);
        when(returns.serviceOf(moved)).thenReturn(service);
        when(returns.providerOf(moved)).thenReturn(provider);

        runtimeService().createMessageCorrelation(QafScheduling.MEETING_MOVED).processInstanceBusinessKey(REFERENCE)
                .setVariable(QafVariables.MOVED_MEETING_DATE, movedMeeting.toString()).correlate();

        verify(scheduling).moveToMeeting(REFERENCE, movedMeeting);
        assertThat(instance).hasPassed("BoundaryEvent_MeetingMoved", "Task_MoveQafDates")
                .isWaitingAtExactly("Task_EmailNewDeadline");
        assertThat(variable(instance, "dueDateText")).isEqualTo("Mon 4 Jan 2027");
        assertThat(variable(instance, "meetingDateText")).isEqualTo("Mon 15 Feb 2027");
        assertThat(variable(instance, QafVariables.MOVED_MEETING_DATE)).isNull();
        execute(retriedJob(instance, "Task_EmailNewDeadline"));
        verify(notifications).send(mail("qaf-new-deadline"));
        assertThat(new HashMap<String, Object>(sent().get(1).model())).containsEntry("dueDate", "Mon 4 Jan 2027")
                .containsEntry("meetingDate", "Mon 15 Feb 2027");

        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");
        assertThat(task(instance)).hasDueDate(london("2027-01-04T23:59:59")).hasCandidateGroup(PROVIDER_GROUP);
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).as("X1 the non-return timer follows the new date")
                .isEqualTo(london("2027-01-05T00:00"));
    }

    @Test
    @DisplayName("Q2 a year the target table has no row for is refused at the issue e-mail, never sent without a target")
    void noTargetLevel() {
        ProcessInstance instance = as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE, "qafVariant", "FULL", "meetingDate", MEETING.toString())));
        runtimeService().removeVariable(instance.getId(), "targetGrade");
        Job mail = retriedJob(instance, "Task_EmailQafIssued");

        assertThatThrownBy(() -> execute(mail)).hasMessageContaining("qaf-target-level has no row for the financial year"
                + " 2026/27");
        verify(notifications, never()).send(any());
    }

    @Test
    @DisplayName("Q2 an unknown kind of QAF is refused on the start form")
    void unknownVariant() {
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE, "qafVariant", "MEDIUM", "meetingDate", "2027-02-01"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q2: \"MEDIUM\" is not a kind of QAF; choose the full QAF or QAF Lite.");
    }

    @Test
    @DisplayName("X1 data protection: every free-text field of the QAF forms is declared personal, so it never reaches history")
    void freeTextIsKeptOutOfHistory() throws IOException {
        List<String> textareas = new ArrayList<>();
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("qaf-")
                    && !f.getFileName().toString().startsWith("qaf-moderation")).toList()) {
                collectTextareas(new ObjectMapper().readTree(form.toFile()), textareas);
            }
        }
        assertThat(textareas).isNotEmpty();
        Set<String> personal = new HashSet<>(new QafPersonalVariables().names());
        personal.addAll(new QafDocumentPersonalVariables().names());
        assertThat(personal).containsAll(textareas);
        assertThat(new QafPersonalVariables().processDefinitionKey()).isEqualTo(PROCESS);
    }

    private static void collectTextareas(JsonNode node, List<String> keys) {
        for (JsonNode component : node.path("components")) {
            if ("textarea".equals(component.path("type").asText())) {
                keys.add(component.path("key").asText());
            }
            collectTextareas(component, keys);
        }
    }

    @Test
    @DisplayName("the per-objective field names follow one pattern, so no form field is misspelt")
    void fieldNames() {
        QafVariables.FIELDS.forEach((objective, fields) -> {
            String prefix = "c" + objective.code().replace(".", "").substring(1);
            assertThat(List.of(fields.claimed(), fields.evidenceC(), fields.evidenceB(), fields.evidenceA(),
                    fields.officerGrade(), fields.officerComment(), fields.visitGrade(), fields.agreedGrade(),
                    fields.agreedReason())).containsExactly(prefix + "Claimed", prefix + "EvidenceC",
                    prefix + "EvidenceB", prefix + "EvidenceA", prefix + "OfficerGrade", prefix + "OfficerComment",
                    prefix + "VisitGrade", prefix + "AgreedGrade", prefix + "AgreedReason");
        });
        assertThat(QafVariables.FIELDS).hasSize(CoreObjective.values().length);
    }
}
