package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/quarterly-invoicing.bpmn with processes/invoice.bpmn as its called process: one invoice process per
 * raised invoice (multi-instance call activity over invoiceNumbers, business key = invoice number). The REAL
 * delegate beans run, registered with Camunda's {@link Mocks}; {@link InvoiceService} and the mail are Mockito mocks.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/quarterly-invoicing.bpmn", "processes/invoice.bpmn"})
@DisplayName("quarterly-invoicing process (R10, R11)")
class QuarterlyInvoicingProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private InvoiceService invoices;
    private NotificationService notifications;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-10-01T06:00");
        invoices = mock(InvoiceService.class);
        notifications = mock(NotificationService.class);
        stubIssuedInvoices(invoices, LocalDate.of(2026, 10, 29)); // care.invoicing.payment-terms-days: 28
        registerDelegates(invoices, notifications);
    }

    /**
     * The real invoicing beans (the run's and each invoice's) under the names the models' delegateExpressions use,
     * on these mocked services; the application's clock is the engine's, which TestClock sets.
     */
    static void registerDelegates(InvoiceService invoices, NotificationService notifications) {
        CareProperties care = new CareProperties(LONDON, null, null,
                new CareProperties.Provider("Care Commissioning", null));
        InvoicingProperties invoicing = new InvoicingProperties(2_000, 28);
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);
        InvoicePdf pdf = mock(InvoicePdf.class);
        when(pdf.render(any(), any())).thenReturn(new byte[] {'%', 'P', 'D', 'F'});
        Mocks.register("raiseQuarterlyInvoicesDelegate", new RaiseQuarterlyInvoicesDelegate(invoices, clock));
        Mocks.register("issueInvoiceDelegate", new IssueInvoiceDelegate(invoices, care));
        Mocks.register("invoiceMailDelegate", new InvoiceMailDelegate(invoices, pdf, notifications, care, invoicing));
        Mocks.register("registerPaymentDelegate", new RegisterPaymentDelegate(invoices));
        Mocks.register("applyLateFeeDelegate", new ApplyLateFeeDelegate(invoices));
        Mocks.register("paymentReminderMailDelegate", new PaymentReminderMailDelegate(invoices, notifications, care));
    }

    /** Every invoice the mocked service knows is an issued £40.00 invoice due on this date. */
    static void stubIssuedInvoices(InvoiceService invoices, LocalDate due) {
        Invoice invoice = mock(Invoice.class);
        when(invoice.getDueDate()).thenReturn(due);
        when(invoice.getStatus()).thenReturn(InvoiceStatus.ISSUED);
        when(invoice.totalDuePence()).thenReturn(4_000L);
        when(invoice.financialQuarter()).thenReturn(new FinancialQuarter(2026, 2));
        Organisation commissioner = mock(Organisation.class);
        when(commissioner.getName()).thenReturn("Hope Community Group");
        when(commissioner.getEmail()).thenReturn("finance@hope.example");
        when(invoices.get(anyString())).thenReturn(invoice);
        when(invoices.billedOrganisation(anyString())).thenReturn(commissioner);
    }

    /** The invoice numbers the mocked InvoiceService raises for any quarter. */
    private void invoicesToRaise(String... numbers) {
        when(invoices.raiseQuarterlyInvoices(any())).thenReturn(List.of(numbers));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    private static ProcessInstance requestInvoiceRun(Map<String, Object> startForm) {
        identityService().setAuthenticatedUserId("fin.officer");
        ProcessInstance run = runtimeService().startProcessInstanceByKey("quarterly-invoicing", startForm);
        identityService().clearAuthentication();
        return run;
    }

    /** Asserts the run waits in its multi-instance call activity with this many invoice processes open. */
    static void assertInvoicingOpen(ProcessInstance run, int openInvoices) {
        assertThat(run).isWaitingAtExactly("Task_InvoiceEachOrganisation#multiInstanceBody",
                "Task_InvoiceEachOrganisation");
        assertThat(runtimeService().getActivityInstance(run.getId())
                .getActivityInstances("Task_InvoiceEachOrganisation")).hasSize(openInvoices);
    }

    static String businessKeyOf(ProcessInstance instance) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
    }

    private static List<ProcessInstance> invoicesOf(ProcessInstance run) {
        return processInstanceQuery().superProcessInstanceId(run.getId()).orderByBusinessKey().asc().list();
    }

    @Test
    @DisplayName("R10 R11 each invoice raised for the quarter is followed in its own invoice process, keyed by the "
            + "invoice number; the run ends when every invoice is settled")
    void oneInvoiceProcessPerInvoice() {
        invoicesToRaise("INV-A-2026Q2", "INV-B-2026Q2");

        ProcessInstance run = requestInvoiceRun(Map.of());

        verify(invoices).raiseQuarterlyInvoices(new FinancialQuarter(2026, 2));
        assertInvoicingOpen(run, 2);
        assertThat(run)
                .hasBusinessKey("INVOICE-RUN-2026Q2")
                .variables()
                .containsEntry("quarterLabel", "2026/27 Q2 (July-September 2026)")
                .containsEntry("invoicesRaised", 2)
                .containsEntry("requestedBy", "fin.officer")
                .containsEntry("invoiceNumbers", List.of("INV-A-2026Q2", "INV-B-2026Q2"));

        List<ProcessInstance> invoices = invoicesOf(run);
        assertThat(invoices).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("INV-A-2026Q2", "INV-B-2026Q2");
        for (ProcessInstance invoice : invoices) {
            assertThat(invoice).hasProcessDefinitionKey("invoice").isWaitingAtExactly("Task_EmailInvoice");
            assertThat(runtimeService().getVariable(invoice.getId(), "invoiceNumber")).isEqualTo(invoice.getBusinessKey());
        }
        for (ProcessInstance invoice : invoices) {
            verify(this.invoices).billedOrganisation(invoice.getBusinessKey());
            assertThat(invoice).variables().containsEntry("organisationName", "Hope Community Group")
                    .containsEntry("amountDuePounds", "£40.00").containsEntry("paymentDueDate", "2026-10-29");
        }

        // Invoice A is paid on its finance task, invoice B through the finance API.
        ProcessInstance invoiceA = invoices.get(0);
        ProcessInstance invoiceB = invoices.get(1);
        execute(jobQuery().processInstanceId(invoiceA.getId()).activityId("Task_EmailInvoice").singleResult());
        execute(jobQuery().processInstanceId(invoiceB.getId()).activityId("Task_EmailInvoice").singleResult());
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, times(2)).send(sent.capture());
        assertThat(sent.getAllValues()).extracting(email -> (Object) email.model().get("invoiceNumber"))
                .containsExactlyInAnyOrder("INV-A-2026Q2", "INV-B-2026Q2");
        complete(task(invoiceA), withVariables("amountPaidPounds", 40, "paidOn", "2026-10-10"));
        assertThat(invoiceA).hasPassed("EndEvent_InvoicePaid").isEnded();
        assertInvoicingOpen(run, 1);

        runtimeService().createMessageCorrelation("InvoicePaid").processInstanceBusinessKey("INV-B-2026Q2").correlate();

        assertThat(invoiceB).hasPassed("EndEvent_InvoicePaidElsewhere").isEnded();
        verify(this.invoices).recordPayment("INV-A-2026Q2", 4_000, LocalDate.of(2026, 10, 10), null, null);
        verify(this.invoices, times(1)).recordPayment(any(), anyLong(), any(), any(), any());
        assertThat(run).hasPassed("EndEvent_InvoicesSettled").isEnded();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_InvoiceEachOrganisation").activityType("callActivity").count()).isEqualTo(2);
    }

    @Test
    @DisplayName("R10 a quarter with nothing to invoice raises no invoice process and the run ends at once")
    void nothingToInvoiceEndsAtOnce() {
        invoicesToRaise();

        ProcessInstance run = requestInvoiceRun(Map.of());

        verify(invoices).raiseQuarterlyInvoices(new FinancialQuarter(2026, 2));
        assertThat(businessKeyOf(run)).isEqualTo("INVOICE-RUN-2026Q2");
        assertThat(run)
                .hasPassed("Task_RaiseQuarterlyInvoices", "EndEvent_InvoicesSettled")
                .isEnded();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("invoice").count())
                .isZero();
        verify(invoices, never()).get(any());
    }

    @Test
    @DisplayName("R10 finance can run the invoices of a chosen quarter from the start form")
    void chosenQuarter() {
        invoicesToRaise("INV-HOPE-2025Q4");

        ProcessInstance run = requestInvoiceRun(Map.of("financialYear", 2025, "quarter", 4));

        verify(invoices).raiseQuarterlyInvoices(new FinancialQuarter(2025, 4));
        assertThat(run).hasBusinessKey("INVOICE-RUN-2025Q4");
        assertInvoicingOpen(run, 1);
        assertThat(runtimeService().getVariable(run.getId(), "quarterLabel"))
                .isEqualTo("2025/26 Q4 (January-March 2026)");
        assertThat(invoicesOf(run)).extracting(ProcessInstance::getBusinessKey).containsExactly("INV-HOPE-2025Q4");
    }
}
