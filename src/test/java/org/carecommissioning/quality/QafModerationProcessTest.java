package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.quality.QafModeration.Decision;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ScheduledRuns;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/qaf-moderation.bpmn on a plain in-memory engine with the REAL delegates and form listener, registered
 * with Camunda's {@link Mocks}; {@link QafModeration} is a Mockito mock (its draw and rules are QafModerationTest's).
 * Each test walks one path: nothing to moderate, one QAF, four QAFs of two officers, a change refused, the timer.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/qaf-moderation.bpmn", "processes/qaf-moderation-schedule.bpmn"})
@DisplayName("qaf-moderation process (Q6, X1)")
class QafModerationProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "qaf-moderation";
    private static final String CRON = "0 0 7 1 3 ?";
    private static final String SCHEDULE = "qaf-moderation-schedule";
    private static final String MANAGER = "carol.manager";
    private static final QafYear YEAR = new QafYear(2026);

    private QafModeration moderation;
    private final Map<String, QafModerationRecord> records = new HashMap<>();

    @BeforeEach
    void registerDelegatesWithMockedService() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2027-02-15T09:00");
        moderation = mock(QafModeration.class);
        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Hope Floating Support");
        when(service.getServiceCode()).thenReturn("S1001");
        when(moderation.serviceOf(any())).thenReturn(service);
        when(moderation.get(eq(YEAR), anyString())).thenAnswer(call -> records.get(call.getArgument(1, String.class)));
        QafDeadlines deadlines = new QafDeadlines(LONDON);
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(call -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);

        Mocks.register("qafModerationDrawDelegate", new QafModerationDrawDelegate(moderation, deadlines, clock));
        Mocks.register("qafModerationFormListener", new QafModerationFormListener(moderation));
        Mocks.register("qafModerationRecordDelegate", new QafModerationRecordDelegate(moderation));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    /** A QAF reviewed by {@code officer}, agreed at C except C1.1 at B, drawn for moderation. */
    private QafModerationRecord drawn(String reference, String officer) {
        QafReturn qaf = new QafReturn(reference, 11L, "2026/27", QafVariant.FULL, LocalDate.of(2027, 2, 1),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 21), officer, LocalDateTime.of(2026, 11, 2, 9, 0));
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).claim(QafGrade.B, "Policy.", "Audit.", null);
            qaf.objective(objective).assessByOfficer(QafGrade.C, "Not enough audit evidence.");
            qaf.objective(objective).agree(objective == CoreObjective.C1_1 ? QafGrade.B : QafGrade.C, "As reviewed.");
        }
        qaf.reviewed(false, false, officer, LocalDateTime.of(2027, 1, 5, 10, 0));
        QafModerationRecord record = new QafModerationRecord(qaf, "2026/27", officer, TestClock.now(),
                LocalDate.of(2027, 3, 15));
        records.put(reference, record);
        return record;
    }

    private ProcessInstance startAsManager(String year) {
        identityService().setAuthenticatedUserId(MANAGER);
        try {
            return runtimeService().startProcessInstanceByKey(PROCESS, withVariables("financialYear", year));
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static void completeAs(Task task, Map<String, Object> form) {
        identityService().setAuthenticatedUserId(MANAGER);
        try {
            complete(task, form);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static Task taskFor(ProcessInstance instance, String reference) {
        return taskQuery().processInstanceId(instance.getId()).list().stream()
                .filter(task -> reference.equals(taskService().getVariable(task.getId(), "qafReference")))
                .findFirst().orElseThrow();
    }

    private List<Decision> decisionsRecorded(int count) {
        ArgumentCaptor<Decision> decisions = ArgumentCaptor.forClass(Decision.class);
        verify(moderation, times(count)).record(eq(YEAR), anyString(), decisions.capture(), eq(MANAGER));
        return decisions.getAllValues();
    }

    @Test
    @DisplayName("Q6 no QAF reviewed in the year: nothing is drawn and no task is created")
    void nothingToModerate() {
        when(moderation.draw(YEAR)).thenReturn(List.of());

        ProcessInstance instance = startAsManager("2026/27");

        assertThat(instance).hasPassedInOrder("StartEvent_ModerationRequested", "Task_DrawQafs", "Gateway_AnyDrawn",
                "EndEvent_NothingToModerate").isEnded();
        verify(moderation).draw(YEAR);
        assertThat(taskQuery().count()).isZero();
    }

    @Test
    @DisplayName("Q6 X1 one officer with one reviewed QAF: one task for the contracts managers, due 4 weeks after the "
            + "draw, showing the service, officer and grades; agreeing is recorded")
    void oneQafAgreed() {
        QafModerationRecord record = drawn("QAF-S1001-2026-1", "olivia.officer");
        when(moderation.draw(YEAR)).thenReturn(List.of(record));

        ProcessInstance instance = startAsManager("2026/27");

        assertThat(instance).isWaitingAt("Task_ModerateQaf");
        Task task = taskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task).hasCandidateGroup("contracts-manager").hasDefinitionKey("Task_ModerateQaf");
        assertThat(task.getAssignee()).isNull();
        assertThat(task.getDueDate()).as("Q6 Decision: 4 weeks after 15 Feb").isEqualTo(london("2027-03-15T23:59:59"));
        Map<String, Object> shown = taskService().getVariables(task.getId());
        assertThat(shown).containsEntry("qafReference", "QAF-S1001-2026-1")
                .containsEntry("serviceName", "Hope Floating Support (S1001)")
                .containsEntry("reviewingOfficer", "olivia.officer")
                .containsEntry("c11Claimed", "B").containsEntry("c11OfficerGrade", "C").containsEntry("c11AgreedGrade", "B")
                .containsEntry("c17AgreedGrade", "C");

        completeAs(task, withVariables("moderationOutcome", "agree"));

        assertThat(decisionsRecorded(1)).singleElement().satisfies(decision -> assertThat(decision.agree()).isTrue());
        assertThat(instance).hasPassedInOrder("Task_DrawQafs", "Task_ModerateQaf", "Task_RecordModeration",
                "EndEvent_QafModerated", "EndEvent_ModerationDone").isEnded();
    }

    @Test
    @DisplayName("Q6 two officers with three or more reviewed QAFs each: four tasks, one per QAF drawn; a changed "
            + "grade with its reason is recorded, and one moderation's answers never show on another's form")
    void twoOfficersFourTasks() {
        List<QafModerationRecord> four = new ArrayList<>(List.of(drawn("QAF-A-1", "olivia.officer"),
                drawn("QAF-A-3", "olivia.officer"), drawn("QAF-B-2", "peter.officer"), drawn("QAF-B-5", "peter.officer")));
        when(moderation.draw(YEAR)).thenReturn(four);

        ProcessInstance instance = startAsManager("2026/27");

        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isEqualTo(4);
        assertThat(taskQuery().processInstanceId(instance.getId()).list())
                .extracting(task -> taskService().getVariable(task.getId(), "reviewingOfficer"))
                .containsExactlyInAnyOrder("olivia.officer", "olivia.officer", "peter.officer", "peter.officer");

        completeAs(taskFor(instance, "QAF-A-1"), withVariables("moderationOutcome", "change", "c11ModeratedGrade", "C",
                "c11ModerationReason", "No audit evidence for B."));
        Task next = taskFor(instance, "QAF-B-2");
        assertThat(taskService().getVariable(next.getId(), "c11ModeratedGrade")).as("local to each QAF").isNull();
        assertThat(taskService().getVariable(next.getId(), "moderationOutcome")).isNull();
        completeAs(next, withVariables("moderationOutcome", "agree"));
        completeAs(taskFor(instance, "QAF-A-3"), withVariables("moderationOutcome", "agree"));
        assertThat(instance).isWaitingAt("Task_ModerateQaf");
        completeAs(taskFor(instance, "QAF-B-5"), withVariables("moderationOutcome", "agree"));

        List<Decision> decisions = decisionsRecorded(4);
        assertThat(decisions.get(0).agree()).isFalse();
        assertThat(decisions.get(0).grades().get(CoreObjective.C1_1))
                .isEqualTo(new QafModeration.Change(QafGrade.C, "No audit evidence for B."));
        assertThat(decisions.get(1).agree()).isTrue();
        assertThat(decisions.get(1).grades().get(CoreObjective.C1_1).grade()).as("Q6 the first answers are gone").isNull();
        assertThat(instance).hasPassed("EndEvent_ModerationDone").isEnded();
    }

    @Test
    @DisplayName("Q6 a changed grade without a reason is refused (the service's rule violation, 400 over REST): the "
            + "task stays open and the moderation is not recorded")
    void changeWithoutReasonRefused() {
        when(moderation.draw(YEAR)).thenReturn(List.of(drawn("QAF-S1001-2026-1", "olivia.officer")));
        when(moderation.record(eq(YEAR), eq("QAF-S1001-2026-1"), any(), eq(MANAGER))).thenThrow(
                new BusinessRuleViolation("Q6", "C1.1 Needs and risk assessment: you changed the grade from B to C;"
                        + " give the reason."));
        ProcessInstance instance = startAsManager("2026/27");
        Task task = taskQuery().processInstanceId(instance.getId()).singleResult();

        assertThatThrownBy(() -> completeAs(task, withVariables("moderationOutcome", "change", "c11ModeratedGrade",
                "C"))).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("give the reason");

        assertThat(instance).isWaitingAt("Task_ModerateQaf");
        assertThat(taskQuery().processInstanceId(instance.getId()).singleResult().getId()).isEqualTo(task.getId());
    }

    @Test
    @DisplayName("Q6 a moderation with no choice, or an unknown grade, is refused before the service is called")
    void badFormRefused() {
        when(moderation.draw(YEAR)).thenReturn(List.of(drawn("QAF-S1001-2026-1", "olivia.officer")));
        ProcessInstance instance = startAsManager("2026/27");
        Task task = taskQuery().processInstanceId(instance.getId()).singleResult();

        assertThatThrownBy(() -> completeAs(task, withVariables("moderationOutcome", "")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("agree with the grades or change them");
        assertThatThrownBy(() -> completeAs(task, withVariables("moderationOutcome", "change", "c12ModeratedGrade",
                "E"))).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("is not a grade");
        verify(moderation, never()).record(any(), any(), any(), any());
        assertThat(instance).isWaitingAt("Task_ModerateQaf");
    }

    @Test
    @DisplayName("Q6 a start form year that is not a financial year is refused, and nothing is drawn")
    void badYearRefused() {
        assertThatThrownBy(() -> startAsManager("2026/28")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("is not a financial year");
        assertThatThrownBy(() -> startAsManager("last year")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("like 2026/27");
        verify(moderation, never()).draw(any());
        assertThat(processInstanceQuery().count()).isZero();
    }

    @Test
    @DisplayName("Q6 X1 qaf-moderation-schedule's timer fires once a year at 07:00 on 1 March (cron " + CRON + ") and "
            + "starts the moderation of the current financial year")
    void timerDrawsTheCurrentYear() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(SCHEDULE).activityIdIn("StartEvent_March").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);
        Job timer = ScheduledRuns.timerStartJob(SCHEDULE);
        assertThat(timer.getDuedate()).isEqualTo(ScheduledRuns.engineTime("2027-03-01T07:00"));
        when(moderation.draw(YEAR)).thenReturn(List.of(drawn("QAF-S1001-2026-1", "olivia.officer")));

        TestClock.setTo(timer.getDuedate());
        execute(timer);

        verify(moderation).draw(YEAR);
        ProcessInstance schedule = processInstanceQuery().processDefinitionKey(SCHEDULE).singleResult();
        assertThat(schedule).isWaitingAtExactly("CallActivity_ModerateQafs");
        ProcessInstance instance = processInstanceQuery().processDefinitionKey(PROCESS).singleResult();
        assertThat(instance).isWaitingAt("Task_ModerateQaf");
        assertThat(taskQuery().singleResult().getDueDate()).isEqualTo(london("2027-03-29T23:59:59"));
        assertThat(ScheduledRuns.timerStartJob(SCHEDULE).getDuedate())
                .isEqualTo(ScheduledRuns.engineTime("2028-03-01T07:00"));

        completeAs(taskQuery().singleResult(), withVariables("moderationOutcome", "agree"));
        assertThat(instance).isEnded();
        assertThat(schedule).hasPassed("EndEvent_Moderated").isEnded();
    }

    @Test
    @DisplayName("X1 data protection: every free-text field of the moderation forms is declared personal, so it never "
            + "reaches history")
    void freeTextIsKeptOutOfHistory() throws java.io.IOException {
        List<String> textareas = new ArrayList<>();
        for (String form : List.of("forms/qaf-moderation.form", "forms/qaf-moderation-start.form")) {
            for (com.fasterxml.jackson.databind.JsonNode component : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.nio.file.Path.of(form).toFile()).path("components")) {
                if ("textarea".equals(component.path("type").asText())) {
                    textareas.add(component.path("key").asText());
                }
            }
        }
        assertThat(textareas).hasSize(7);
        assertThat(new QafModerationPersonalVariables().names()).containsExactlyInAnyOrderElementsOf(textareas);
        assertThat(new QafModerationPersonalVariables().processDefinitionKey()).isEqualTo(PROCESS);
    }
}
