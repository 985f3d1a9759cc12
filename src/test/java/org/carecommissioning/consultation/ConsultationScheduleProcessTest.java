package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.carecommissioning.consultation.Consultations.DueService;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.SystemAuthority;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/consultation-schedule.bpmn and processes/consultation-due.bpmn with their REAL delegates and the real
 * {@link ConsultationScheduling} on this engine, over a mocked {@link Consultations}: the daily timer erases the names
 * past retention (U4) and opens one "Plan service-user consultation" task per service due (U1), never a second one;
 * completing the task starts service-user-consultation (a stub with that key here).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/consultation-schedule.bpmn", "processes/consultation-due.bpmn"})
@DisplayName("consultation-schedule and consultation-due processes (U1, U4, X1)")
class ConsultationScheduleProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String SCHEDULE = "consultation-schedule";
    private static final String DUE = "consultation-due";
    private static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    /** Never consulted: due today. */
    private static final DueService NEVER = new DueService("SP101", "Floating support North", "pat.officer", null,
            "2027/28");
    /** Report issued 10 April 2025: due since 10 April 2027. */
    private static final DueService LAPSED = new DueService("SP102", "Day centre East", "sam.officer",
            LocalDate.of(2025, 4, 10), "2027/28");

    private Consultations consultations;
    private ConsultationScheduling scheduling;
    private String stubDeployment;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2027-05-03T06:30");
        consultations = mock(Consultations.class);
        when(consultations.dueServices(TODAY)).thenReturn(List.of(NEVER, LAPSED));
        when(consultations.eraseDueNames()).thenReturn(3);
        SystemAuthority system = mock(SystemAuthority.class);
        when(system.call(any())).thenAnswer(invocation -> invocation.<Supplier<?>>getArgument(0).get());
        doAnswer(invocation -> {
            invocation.<Runnable>getArgument(0).run();
            return null;
        }).when(system).run(any());
        Clock clock = Clock.fixed(LocalDateTime.of(TODAY, LocalTime.of(6, 30)).atZone(LONDON).toInstant(),
                LONDON);
        scheduling = new ConsultationScheduling(runtimeService(), consultations,
                new ConsultationDeadlines(LONDON), system, clock);
        Mocks.register("consultationScheduleDelegate", new ConsultationScheduleDelegate(scheduling));
        Mocks.register("consultationNamesErasureDelegate", new ConsultationNamesErasureDelegate(consultations));
        Mocks.register("consultationDueStartDelegate", new ConsultationDueStartDelegate(scheduling));
        // service-user-consultation has its own test; a stub with its key shows it was started and with what
        stubDeployment = repositoryService().createDeployment().addModelInstance("stub-consultation.bpmn",
                Bpmn.createExecutableProcess(ConsultationVariables.PROCESS_KEY).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Stub").endEvent().done()).deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(stubDeployment, true);
        TestClock.reset();
        Mocks.reset();
    }

    @Test
    @DisplayName("U1 U4 X1 the timer fires at 06:30 every day (server time zone)")
    void dailyTimer() {
        Job timer = scheduleTimer();
        assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault()).toLocalTime())
                .isEqualTo(LocalTime.of(6, 30));
    }

    @Test
    @DisplayName("U1 U4 each run erases the names past retention, then opens one plan task per service due")
    void runErasesThenOpensOneTaskPerDueService() {
        ProcessInstance run = runSchedule();
        assertThat(run).hasPassedInOrder("Task_EraseConsentNames", "Task_OpenPlanTasks", "EndEvent_ScheduleDone")
                .isEnded();
        verify(consultations).eraseDueNames();

        Task never = planTask("SP101");
        assertThat(never).hasName("Plan service-user consultation").isAssignedTo("pat.officer");
        assertThat(taskService().getIdentityLinksForTask(never.getId())).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo("candidate");
            assertThat(link.getGroupId()).isEqualTo("contracts-manager");
        });
        assertThat(never.getDueDate()).isEqualTo(ProcessDates.endOfDay(TODAY, LONDON));
        Task lapsed = planTask("SP102");
        assertThat(lapsed).isAssignedTo("sam.officer");
        assertThat(lapsed.getDueDate()).as("due the day it fell due, 2 years after the report")
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 4, 10), LONDON));
        assertThat(taskQuery().processDefinitionKey(DUE).count()).isEqualTo(2);
    }

    @Test
    @DisplayName("U1 the next day's run opens no second task for a service whose task is still waiting")
    void noDuplicateOnTheNextRun() {
        runSchedule();
        runSchedule();
        assertThat(taskQuery().processDefinitionKey(DUE).count()).isEqualTo(2);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(DUE).count()).isEqualTo(2);
        verify(consultations, times(2)).eraseDueNames();
    }

    @Test
    @DisplayName("U1 a service not due (an open consultation, or reported within 2 years) gets no task; names are still erased")
    void nothingDue() {
        when(consultations.dueServices(TODAY)).thenReturn(List.of());
        assertThat(runSchedule()).isEnded();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(DUE).count()).isZero();
        verify(consultations).eraseDueNames();
    }

    @Test
    @DisplayName("U1 completing the plan task starts the service's consultation, planned by the officer")
    void completingThePlanTaskStartsTheConsultation() {
        runSchedule();
        ProcessInstance due = dueInstance("SP101");
        complete(planTask("SP101"));

        assertThat(due).hasPassed("Task_StartConsultation", "EndEvent_ConsultationPlanned").isEnded();
        ProcessInstance consultation = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(ConsultationVariables.PROCESS_KEY).singleResult();
        assertThat(consultation).isNotNull();
        assertThat(consultation).hasVariables("serviceCode", "plannedBy");
        assertThat(runtimeService().getVariable(consultation.getId(), "serviceCode")).isEqualTo("SP101");
        assertThat(runtimeService().getVariable(consultation.getId(), "plannedBy")).isEqualTo("pat.officer");
        assertThat(runtimeService().getVariable(consultation.getId(), "plannedFrom")).isEqualTo(due.getId());
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(due.getId())
                .variableName(ConsultationDueStartDelegate.CONSULTATION_STARTED).singleResult().getValue())
                .isEqualTo(true);
    }

    @Test
    @DisplayName("U1 a consultation started meanwhile from the start form: the task completes and starts nothing")
    void startedMeanwhile() {
        runSchedule();
        ProcessInstance due = dueInstance("SP101");
        when(consultations.dueServices(TODAY)).thenReturn(List.of(LAPSED));
        complete(planTask("SP101"));

        assertThat(due).isEnded();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ConsultationVariables.PROCESS_KEY)
                .count()).isZero();
    }

    @Test
    @DisplayName("U1 a consultation planned from the start form withdraws the service's waiting plan task, no other")
    void plannedFromTheStartForm() {
        runSchedule();
        ProcessInstance due = dueInstance("SP101");
        scheduling.consultationPlanned("SP101", null);

        assertThat(due).isEnded();
        assertThat(dueInstance("SP102")).isNotNull();
        assertThat(taskQuery().processDefinitionKey(DUE).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("U1 the plan task that started the consultation is not withdrawn by it")
    void theStartingTaskIsKept() {
        runSchedule();
        ProcessInstance due = dueInstance("SP101");
        scheduling.consultationPlanned("SP101", due.getId());
        assertThat(due).isWaitingAt("Task_PlanDueConsultation");
    }

    private static Job scheduleTimer() {
        return managementService().createJobQuery().processDefinitionKey(SCHEDULE).timers().singleResult();
    }

    /** One day's run: the timer fires, then each asynchronous step runs; returns the finished instance. */
    private static ProcessInstance runSchedule() {
        execute(scheduleTimer());
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey(SCHEDULE)
                .singleResult();
        assertThat(run).isWaitingAt("Task_EraseConsentNames");
        execute(managementService().createJobQuery().processInstanceId(run.getId()).singleResult());
        assertThat(run).isWaitingAt("Task_OpenPlanTasks");
        execute(managementService().createJobQuery().processInstanceId(run.getId()).singleResult());
        return run;
    }

    private static ProcessInstance dueInstance(String serviceCode) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(DUE)
                .processInstanceBusinessKey("SUCDUE-" + serviceCode).singleResult();
    }

    private static Task planTask(String serviceCode) {
        return taskQuery().processInstanceId(dueInstance(serviceCode).getId()).singleResult();
    }
}
