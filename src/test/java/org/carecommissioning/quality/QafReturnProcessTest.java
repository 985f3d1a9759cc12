package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.ReviewResult;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.quality.QafReturns.ValidationInputs;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.testing.TestClock;
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
@DisplayName("qaf-return process (Q2-Q5, Q7, X1, X2)")
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

    private QafReturns returns;
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
            return qaf;
        });

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
        Mocks.register("qafAgreeGradesDelegate", new QafAgreeGradesDelegate(returns));
        Mocks.register("qafAgreedGradesMailDelegate", new QafAgreedGradesMailDelegate(returns, notifications));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static <T> T as(String userId, Supplier<T> action) {
        identityService().setAuthenticatedUserId(userId);
        try {
            return action.get();
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static void completeAs(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            complete(task, variables);
            return null;
        });
    }

    private static Job job(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        assertThat(job.getRetries()).as("X2: retried").isEqualTo(5);
        return job;
    }

    /** The officer's tasks: assigned to the service's purchasing officer, open to the contracts managers too. */
    private static void assertOfficerTask(Task task) {
        assertThat(task).isAssignedTo(OFFICER);
        assertThat(taskService().getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
            assertThat(link.getGroupId()).isEqualTo("contracts-manager");
            assertThat(link.getType()).isEqualTo("candidate");
        });
    }

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
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
        execute(job(instance, "Task_EmailQafIssued"));
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

    /** Q7: the officer agrees the grades; the provider is told by e-mail; the process ends. */
    private void agreeAndTell(ProcessInstance instance) {
        assertThat(instance).isWaitingAtExactly("Task_AgreeGrades");
        assertThat(task(instance)).isAssignedTo(OFFICER);
        completeAs(OFFICER, task(instance), agreedGrades("C"));
        verify(returns).agreeGrades(eq(REFERENCE), argThat(grades -> grades.size() == 7
                && grades.values().stream().allMatch(g -> g.grade() == QafGrade.C)), eq(OFFICER));
        execute(job(instance, "Task_EmailAgreedGrades"));
        verify(notifications).send(mail("qaf-agreed-grades"));
        assertThat(instance).isEnded();
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
        execute(job(instance, "Task_EmailVisitDate"));
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
        execute(job(instance, "Task_EmailRequestForEvidence"));
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
        execute(job(instance, "Task_EmailReminder"));
        verify(notifications).send(mail("qaf-reminder"));
        assertThat(instance).isWaitingAtExactly("Task_CompleteSelfAssessment");

        submit(instance, "C");
        assertThat(instance).isWaitingAtExactly("Task_ReviewSelfAssessment");
    }

    @Test
    @DisplayName("Q2 a year the target table has no row for is refused at the issue e-mail, never sent without a target")
    void noTargetLevel() {
        ProcessInstance instance = as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE, "qafVariant", "FULL", "meetingDate", MEETING.toString())));
        runtimeService().removeVariable(instance.getId(), "targetGrade");
        Job mail = job(instance, "Task_EmailQafIssued");

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
            for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("qaf-")).toList()) {
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
