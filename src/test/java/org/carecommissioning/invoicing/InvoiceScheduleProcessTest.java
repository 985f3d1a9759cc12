package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/invoice-schedule.bpmn: a timer start event (cron) that runs quarterly-invoicing at the start of each
 * financial quarter. Deployed with the processes it calls, whose REAL delegates run on a mocked InvoiceService.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/invoice-schedule.bpmn",
        "processes/quarterly-invoicing.bpmn",
        "processes/invoice.bpmn"})
@DisplayName("invoice-schedule process (R10, X1)")
class InvoiceScheduleProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String CRON = "0 0 6 1 1,4,7,10 ?";
    /** Cron timers are evaluated in the engine's (JVM's) default time zone. */
    private static final ZoneId ENGINE_ZONE = ZoneId.systemDefault();

    private InvoiceService invoices;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-08-15T10:00"));
        invoices = mock(InvoiceService.class);
        QuarterlyInvoicingProcessTest.stubIssuedInvoices(invoices, LocalDate.of(2026, 10, 29));
        QuarterlyInvoicingProcessTest.registerDelegates(invoices, mock(NotificationService.class));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    private static Date at(String engineLocalDateTime) {
        return Date.from(LocalDateTime.parse(engineLocalDateTime).atZone(ENGINE_ZONE).toInstant());
    }

    private static Job scheduleTimer() {
        Job timer = jobQuery().processDefinitionKey("invoice-schedule").timers().singleResult();
        assertThat(timer).as("timer start job of invoice-schedule").isNotNull();
        return timer;
    }

    @Test
    @DisplayName("R10 X1 the schedule's timer start event fires at 06:00 on the first day of each financial quarter "
            + "(cron " + CRON + ")")
    void timerStartJobFollowsTheQuarters() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey("invoice-schedule").activityIdIn("StartEvent_QuarterEnded").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);

        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2026-10-01T06:00"));
        assertThat(processInstanceQuery().processDefinitionKey("invoice-schedule").count()).isZero();
    }

    @Test
    @DisplayName("R10 at the start of a quarter the schedule runs quarterly-invoicing for the quarter just ended and "
            + "waits for its invoices; the next run is due the next quarter")
    void firingTheTimerStartsQuarterlyInvoicing() {
        when(invoices.raiseQuarterlyInvoices(any())).thenReturn(List.of("INV-HOPE-2026Q2", "INV-IXW-2026Q2"));
        Job timer = scheduleTimer();

        TestClock.setTo(timer.getDuedate());
        execute(timer);
        executeRunJob();

        ProcessInstance schedule = processInstanceQuery().processDefinitionKey("invoice-schedule").singleResult();
        assertThat(schedule).isWaitingAtExactly("Task_RunQuarterlyInvoicing");
        ProcessInstance run = processInstanceQuery().superProcessInstanceId(schedule.getId()).singleResult();
        assertThat(run).hasProcessDefinitionKey("quarterly-invoicing")
                .hasBusinessKey("INVOICE-RUN-2026Q2"); // July-September 2026 has just ended
        QuarterlyInvoicingProcessTest.assertInvoicingOpen(run, 2);
        verify(invoices).raiseQuarterlyInvoices(new FinancialQuarter(2026, 2));
        assertThat(processInstanceQuery().superProcessInstanceId(run.getId()).count()).isEqualTo(2);
        // each invoice process has run the real IssueInvoiceDelegate
        verify(invoices).billedOrganisation("INV-HOPE-2026Q2");
        verify(invoices).billedOrganisation("INV-IXW-2026Q2");

        // The cycle goes on: the next quarter's run is due on 1 January at 06:00.
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-01-01T06:00"));
    }

    @Test
    @DisplayName("R10 a scheduled run with nothing to invoice ends the schedule instance at once")
    void scheduledRunWithNothingToInvoice() {
        when(invoices.raiseQuarterlyInvoices(any())).thenReturn(List.of());
        Job timer = scheduleTimer();
        TestClock.setTo(timer.getDuedate());

        execute(timer);
        executeRunJob();

        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("invoice-schedule")
                .finished().count()).isEqualTo(1);
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_QuarterInvoiced")
                .count()).isEqualTo(1);
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("quarterly-invoicing")
                .finished().singleResult().getBusinessKey()).isEqualTo("INVOICE-RUN-2026Q2");
        assertThat(processInstanceQuery().count()).isZero();
        verify(invoices).raiseQuarterlyInvoices(new FinancialQuarter(2026, 2));
        verify(invoices, never()).get(any());
    }

    /** The run is an asynchronous step of its own, retried (R5/PT30M) and then an incident if it fails. */
    private static void executeRunJob() {
        Job run = jobQuery().processDefinitionKey("invoice-schedule").activityId("Task_RunQuarterlyInvoicing")
                .singleResult();
        assertThat(run).hasRetries(5);
        execute(run);
    }
}
