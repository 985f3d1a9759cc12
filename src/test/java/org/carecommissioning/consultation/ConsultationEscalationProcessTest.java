package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.consultation.ConsultationConcerns.Outcome;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/consultation-escalation.bpmn on a plain in-memory engine with the REAL e-mail and outcome delegates,
 * registered under their bean names with Camunda's {@link Mocks}; {@link Consultations}, {@link ConsultationConcerns}
 * and {@link NotificationService} are Mockito mocks. Started as ConsultationConcerns starts it: references, the kind
 * and the due date only (U4); each task's form records the outcome, which the delegate hands to
 * ConsultationConcerns.recordOutcome (a refusal there leaves the task open).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/consultation-escalation.bpmn")
@DisplayName("consultation-escalation process (U4, X1, X2)")
class ConsultationEscalationProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String REFERENCE = "SUC-SP101-2026";
    private static final String SAFEGUARDING_EMAIL = "safeguarding@commissioning.example";
    private static final String CONCERN_TEXT = "Unique-concern-text about a bruise";

    private Consultations consultations;
    private ConsultationConcerns concerns;
    private NotificationService notifications;
    private final ConsultationDeadlines deadlines = new ConsultationDeadlines(LONDON);

    @BeforeEach
    void registerDelegateWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        consultations = mock(Consultations.class);
        concerns = mock(ConsultationConcerns.class);
        notifications = mock(NotificationService.class);
        Consultation consultation = new Consultation(REFERENCE, 1L, "2026/27", null, "olivia.officer",
                TestClock.now());
        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Haven floating support");
        when(service.getServiceCode()).thenReturn("SP101");
        Organisation provider = mock(Organisation.class);
        when(provider.getName()).thenReturn("Haven Housing");
        when(consultations.get(REFERENCE)).thenReturn(consultation);
        when(consultations.serviceOf(any())).thenReturn(service);
        when(consultations.providerOf(any())).thenReturn(provider);
        Mocks.register("consultationSafeguardingMailDelegate", new ConsultationSafeguardingMailDelegate(consultations,
                concerns, notifications, new ConsultationProperties(SAFEGUARDING_EMAIL)));
        Mocks.register("consultationConcernOutcomeDelegate", new ConsultationConcernOutcomeDelegate(concerns));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    @Test
    @DisplayName("U4: a safeguarding concern opens a task for the SP manager or head of contracts due the same day and"
            + " is e-mailed at once; the action taken is recorded on the concern; the concern's text is in no variable"
            + " or history")
    void safeguarding() {
        ConsultationConcern concern = concern("-E1", ConcernKind.SAFEGUARDING, null, LocalDate.of(2026, 11, 2));
        ProcessInstance instance = start(concern);

        Task act = task(instance);
        assertThat(act).hasDefinitionKey("Task_ActOnSafeguarding").hasCandidateGroup("sp-manager")
                .hasCandidateGroup("head-of-contracts");
        assertThat(act.getDueDate()).isEqualTo(london("2026-11-02T23:59:59"));
        assertThat(runtimeService().getVariable(instance.getId(), EscalationVariables.DUE_TEXT))
                .isEqualTo("Mon 2 Nov 2026");
        verify(notifications, never()).send(any());

        complete(act, Map.of("safeguardingAction", "REFERRED_TO_SAFEGUARDING_TEAM", "outcomeNote",
                "Referred the same morning.", "actedOn", "2026-11-02"));
        verify(concerns).recordOutcome(eq("SUC-SP101-2026-E1"), eq(new Outcome(
                ConcernOutcome.REFERRED_TO_SAFEGUARDING_TEAM, "Referred the same morning.", LocalDate.of(2026, 11, 2),
                null)), any());
        assertThat(runtimeService().getVariables(instance.getId())).as("the account lives on the concern only")
                .doesNotContainKey(EscalationVariables.OUTCOME_NOTE);

        execute(job("Task_EmailSafeguarding", instance));
        verify(notifications).send(argThat(email -> email.to().equals(SAFEGUARDING_EMAIL)
                && email.template().equals("consultation-safeguarding")
                && "SUC-SP101-2026-E1".equals(email.model().get("concernReference"))
                && "Mon 2 Nov 2026".equals(email.model().get("dueDate"))
                && !email.model().containsValue(CONCERN_TEXT)));
        assertThat(instance).isEnded().hasPassed("Task_RecordSafeguardingOutcome", "EndEvent_SafeguardingActedOn",
                "EndEvent_SafeguardingEmailed");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(variable -> String.valueOf(variable.getValue())).noneMatch(v -> v.contains("bruise"));
    }

    @Test
    @DisplayName("U4: a complaint opens a task for the contracts manager with its due date and sends no e-mail; its"
            + " handover to the complaints procedure is recorded on the concern")
    void complaint() {
        ConsultationConcern concern = concern("-E2", ConcernKind.COMPLAINT, ComplaintChoice.ANONYMOUS,
                LocalDate.of(2026, 11, 16));
        ProcessInstance instance = start(concern);

        Task handle = task(instance);
        assertThat(handle).hasDefinitionKey("Task_HandleComplaint").hasCandidateGroup("contracts-manager");
        assertThat(handle.getDueDate()).isEqualTo(london("2026-11-16T23:59:59"));
        complete(handle, Map.of("complaintCaseReference", "CP-2026-0417", "handedOverOn", "2026-11-03"));
        verify(concerns).recordOutcome(eq("SUC-SP101-2026-E2"), eq(new Outcome(
                ConcernOutcome.HANDED_TO_COMPLAINTS_PROCEDURE, null, LocalDate.of(2026, 11, 3), "CP-2026-0417")),
                any());
        assertThat(instance).isEnded().hasPassed("Task_RecordComplaintHandover", "EndEvent_ComplaintHandled");
        verify(notifications, never()).send(any());
    }

    @Test
    @DisplayName("U4: an outcome ConsultationConcerns refuses (no reason for no further action) leaves the safeguarding"
            + " task open; an action that is not on the list is refused before it is recorded")
    void refusedOutcomeLeavesTheTaskOpen() {
        ConsultationConcern concern = concern("-E3", ConcernKind.SAFEGUARDING, null, LocalDate.of(2026, 11, 2));
        ProcessInstance instance = start(concern);
        Task act = task(instance);
        when(concerns.recordOutcome(eq(concern.getReference()), any(), any())).thenThrow(new BusinessRuleViolation(
                "U4", "Say why no further action is taken on safeguarding concern " + concern.getReference() + "."));

        assertThatThrownBy(() -> complete(act, Map.of("safeguardingAction", "NO_FURTHER_ACTION", "actedOn",
                "2026-11-02"))).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> complete(act, Map.of("safeguardingAction", "FORGOTTEN", "actedOn", "2026-11-02")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("\"FORGOTTEN\" is not an action");
        assertThat(task(instance)).hasDefinitionKey("Task_ActOnSafeguarding");
        assertThat(instance).isNotEnded().hasNotPassed("Task_RecordSafeguardingOutcome");
    }

    @Test
    @DisplayName("U4 data protection: every free-text field of the escalation forms is declared personal, so it never"
            + " reaches history")
    void freeTextIsKeptOutOfHistory() throws IOException {
        List<String> textareas = new ArrayList<>();
        for (String form : List.of("forms/consultation-safeguarding-action.form",
                "forms/consultation-complaint-handover.form")) {
            for (JsonNode component : new ObjectMapper().readTree(Path.of(form).toFile()).path("components")) {
                if ("textarea".equals(component.path("type").asText())) {
                    textareas.add(component.path("key").asText());
                }
            }
        }
        assertThat(textareas).containsExactly("outcomeNote");
        assertThat(new EscalationPersonalVariables().names()).containsExactlyInAnyOrderElementsOf(textareas);
        assertThat(new EscalationPersonalVariables().processDefinitionKey()).isEqualTo(EscalationVariables.PROCESS_KEY);
    }

    private ConsultationConcern concern(String suffix, ConcernKind kind, ComplaintChoice choice, LocalDate dueOn) {
        ConsultationConcern concern = new ConsultationConcern(REFERENCE + suffix, 1L, kind, choice, null,
                CONCERN_TEXT, "olivia.officer", TestClock.now(), dueOn);
        when(concerns.get(concern.getReference())).thenReturn(concern);
        return concern;
    }

    private ProcessInstance start(ConsultationConcern concern) {
        Map<String, Object> variables = EscalationVariables.start(concern, REFERENCE, deadlines.dueAt(concern.getDueOn()));
        return runtimeService().startProcessInstanceByKey(EscalationVariables.PROCESS_KEY, concern.getReference(),
                variables);
    }
}
