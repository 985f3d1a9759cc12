package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.variable;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.support.MailRetries;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/invoice.bpmn on a plain in-memory engine with the REAL delegate beans, registered with Camunda's
 * {@link Mocks}; the services they call ({@link InvoiceService}, {@link InvoicePdf}, {@link NotificationService}) are
 * Mockito mocks, so R11's rules are the service's and are tested there. The invoice PDF mail (async, retried), the finance task due
 * 4 weeks after the invoice date, the one late fee from the non-interrupting overdue timer, and payment recorded on
 * the task or through the finance API (message InvoicePaid by business key).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/invoice.bpmn")
@DisplayName("invoice process (R10, R11, X1, X2)")
class InvoiceProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    static final String INVOICE_NUMBER = "INV-HOPE-2026Q1";
    static final long INVOICE_TOTAL_PENCE = 18_000;
    static final long LATE_FEE_PENCE = 2_000; // care.invoicing.late-fee-pence
    /** Invoice date 1 July 2026; R11 payment within 4 weeks: due 29 July 2026. */
    static final LocalDate DUE_DATE = LocalDate.of(2026, 7, 29);

    static final String BILLED_NAME = "Hope Community Group";
    static final String BILLED_EMAIL = "finance@hope.example";
    static final String PROVIDER_NAME = "Care Commissioning";

    private InvoiceService invoices;
    private NotificationService notifications;
    private Invoice invoiceRecord;
    /** The late fee InvoiceService has added to the invoice so far (the mocked invoice's state). */
    private long lateFeePence;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-07-01T06:00");
        invoices = mock(InvoiceService.class);
        notifications = mock(NotificationService.class);
        InvoicePdf pdf = mock(InvoicePdf.class);
        CareProperties care = new CareProperties(LONDON, null, null, new CareProperties.Provider(PROVIDER_NAME, null));
        InvoicingProperties invoicing = new InvoicingProperties((int) LATE_FEE_PENCE, 28);

        invoiceRecord = mock(Invoice.class);
        when(invoiceRecord.getDueDate()).thenReturn(DUE_DATE);
        when(invoiceRecord.getStatus()).thenReturn(InvoiceStatus.ISSUED);
        when(invoiceRecord.financialQuarter()).thenReturn(new FinancialQuarter(2026, 1));
        when(invoiceRecord.getLateFeePence()).thenAnswer(invocation -> lateFeePence);
        when(invoiceRecord.totalDuePence()).thenAnswer(invocation -> INVOICE_TOTAL_PENCE + lateFeePence);
        Organisation billed = mock(Organisation.class);
        when(billed.getName()).thenReturn(BILLED_NAME);
        when(billed.getEmail()).thenReturn(BILLED_EMAIL);
        when(invoices.get(INVOICE_NUMBER)).thenReturn(invoiceRecord);
        when(invoices.billedOrganisation(INVOICE_NUMBER)).thenReturn(billed);
        when(invoices.applyLateFee(INVOICE_NUMBER)).thenAnswer(invocation -> {
            lateFeePence = LATE_FEE_PENCE;
            return true;
        });
        when(pdf.render(invoiceRecord, billed)).thenReturn(new byte[] {'%', 'P', 'D', 'F'});

        // the real beans, under the names the model's delegateExpressions use
        Mocks.register("issueInvoiceDelegate", new IssueInvoiceDelegate(invoices, care));
        Mocks.register("invoiceMailDelegate", new InvoiceMailDelegate(invoices, pdf, notifications, care, invoicing));
        Mocks.register("registerPaymentDelegate", new RegisterPaymentDelegate(invoices));
        Mocks.register("applyLateFeeDelegate", new ApplyLateFeeDelegate(invoices));
        Mocks.register("paymentReminderMailDelegate", new PaymentReminderMailDelegate(invoices, notifications, care));
    }

    /** The e-mail of a template sent to the billed organisation about this invoice. */
    private static Email mail(String template) {
        return argThat(email -> email != null && email.to().equals(BILLED_EMAIL) && email.template().equals(template)
                && INVOICE_NUMBER.equals(email.model().get("invoiceNumber")));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    private static ProcessInstance raiseInvoice() {
        // Started by quarterly-invoicing's call activity with the invoice number as business key.
        ProcessInstance invoice = runtimeService().startProcessInstanceByKey("invoice", INVOICE_NUMBER,
                withVariables("invoiceNumber", INVOICE_NUMBER));
        assertThat(invoice).hasBusinessKey(INVOICE_NUMBER).isWaitingAtExactly("Task_EmailInvoice");
        return invoice;
    }

    private static Job job(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        return job;
    }

    /** Sends the invoice mail (X2: an async job) and returns the finance task it leads to. */
    private Task emailInvoice(ProcessInstance invoice) {
        Job mail = job(invoice, "Task_EmailInvoice");
        assertThat(mail).hasRetries(5);
        verify(notifications, never()).send(any());
        execute(mail);
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications).send(sent.capture());
        assertThat(sent.getValue()).extracting(Email::to, Email::template).containsExactly(BILLED_EMAIL, "invoice-issued");
        assertThat(Map.<String, Object>copyOf(sent.getValue().model())).containsEntry("invoiceNumber", INVOICE_NUMBER)
                .containsEntry("organisationName", BILLED_NAME).containsEntry("amountDue", "£180.00")
                .containsEntry("lateFee", "£20.00").containsEntry("providerName", PROVIDER_NAME);
        assertThat(sent.getValue().attachments()).extracting(Email.Attachment::fileName)
                .containsExactly(INVOICE_NUMBER + ".pdf");
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        return task(invoice);
    }

    @Test
    @DisplayName("R11 X1 an invoice paid on time: the finance task is due on the payment date, the payment is "
            + "registered and no fee is added")
    void paidOnTime() {
        ProcessInstance invoice = raiseInvoice();
        verify(invoices).get(INVOICE_NUMBER);
        assertThat(invoice).variables()
                .containsEntry("organisationName", BILLED_NAME)
                .containsEntry("amountDuePounds", "£180.00")
                .containsEntry("paymentDueDate", "2026-07-29")
                .containsEntry("lateFeeApplied", false);
        Task recordPayment = emailInvoice(invoice);

        assertThat(recordPayment)
                .hasDefinitionKey("Task_RecordPayment")
                .hasCandidateGroup("finance")
                .hasDueDate(london("2026-07-29T23:59:59"));
        assertThat(recordPayment.getDueDate()).isEqualTo(variable(invoice, "paymentDueAt"));
        Job overdue = job(invoice, "Event_PaymentOverdue");
        assertThat(overdue.getDuedate()).isEqualTo(variable(invoice, "lateFeeAt")).isEqualTo(london("2026-07-30T00:00"));

        TestClock.setTo("2026-07-20T10:00");
        complete(recordPayment, withVariables(
                "amountPaidPounds", 180, "paidOn", "2026-07-20", "paymentReference", "BACS-778"));

        verify(invoices).recordPayment(INVOICE_NUMBER, 18_000, LocalDate.of(2026, 7, 20), "BACS-778", null);
        assertThat(invoice)
                .hasPassedInOrder("Task_IssueInvoice", "Task_EmailInvoice", "Task_RecordPayment",
                        "Task_RegisterPayment", "EndEvent_InvoicePaid")
                .hasNotPassed("Task_ApplyLateFee", "Task_EmailPaymentReminder", "EndEvent_InvoicePaidElsewhere")
                .isEnded();
        verify(invoices, never()).applyLateFee(any());
        assertThat(jobQuery().processInstanceId(invoice.getId()).count()).as("the overdue timer is gone").isZero();
    }

    @Test
    @DisplayName("R11 X2 a late invoice gets exactly one fee and one reminder; the finance task stays open "
            + "(non-interrupting) and the overdue timer never fires again; the payment then closes the invoice")
    void latePaymentGetsOneFee() {
        ProcessInstance invoice = raiseInvoice();
        Task recordPayment = emailInvoice(invoice);
        Job overdue = job(invoice, "Event_PaymentOverdue");

        // Still on time on the due date itself.
        TestClock.setTo("2026-07-29T23:59");
        assertThat(jobQuery().processInstanceId(invoice.getId()).executable().count()).isZero();

        TestClock.setTo("2026-07-30T00:00");
        assertThat(jobQuery().processInstanceId(invoice.getId()).executable().count()).isEqualTo(1);
        execute(overdue);

        verify(invoices).applyLateFee(INVOICE_NUMBER);
        assertThat(variable(invoice, "lateFeeApplied")).isEqualTo(true);
        assertThat(variable(invoice, "amountDuePounds")).isEqualTo("£200.00");
        // The reminder is an async job (X2); the payment task is still open beside it.
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment", "Task_EmailPaymentReminder");
        Job reminder = job(invoice, "Task_EmailPaymentReminder");
        assertThat(reminder).hasRetries(5);
        execute(reminder);
        verify(notifications).send(mail("payment-reminder"));
        assertThat(invoice).hasPassed("Event_PaymentOverdue", "Task_ApplyLateFee", "EndEvent_ReminderSent")
                .isWaitingAtExactly("Task_RecordPayment");
        assertThat(task(invoice).getId()).as("the same finance task, not a new one").isEqualTo(recordPayment.getId());

        // A month later: no timer left, no second fee.
        TestClock.setTo("2026-08-30T00:00");
        assertThat(jobQuery().processInstanceId(invoice.getId()).count()).isZero();
        verify(invoices, times(1)).applyLateFee(any());

        complete(task(invoice), withVariables("amountPaidPounds", 200, "paidOn", "2026-08-29", "paymentReference", "BACS-901"));

        verify(invoices).recordPayment(INVOICE_NUMBER, 20_000, LocalDate.of(2026, 8, 29), "BACS-901", null);
        assertThat(invoice).hasPassed("EndEvent_InvoicePaid").isEnded();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(invoice.getId())
                .activityId("Task_ApplyLateFee").count()).isEqualTo(1);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(invoice.getId()).count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("R11 a payment recorded through the finance API (message InvoicePaid by business key) closes the "
            + "invoice without the finance task")
    void paidThroughTheApi() {
        ProcessInstance invoice = raiseInvoice();
        emailInvoice(invoice);

        runtimeService().createMessageCorrelation("InvoicePaid")
                .processInstanceBusinessKey(INVOICE_NUMBER)
                .correlateAll();

        assertThat(invoice)
                .hasPassed("Event_PaidThroughApi", "EndEvent_InvoicePaidElsewhere")
                .hasNotPassed("Task_RegisterPayment", "EndEvent_InvoicePaid", "Task_ApplyLateFee")
                .isEnded();
        verify(invoices, never()).recordPayment(any(), anyLong(), any(), any(), any());
        assertThat(jobQuery().processInstanceId(invoice.getId()).count()).isZero();
    }

    @Test
    @DisplayName("R11 an invoice already late and reminded can still be paid through the API")
    void paidThroughTheApiAfterTheLateFee() {
        ProcessInstance invoice = raiseInvoice();
        emailInvoice(invoice);
        Job overdue = job(invoice, "Event_PaymentOverdue");
        TestClock.setTo(overdue.getDuedate());
        execute(overdue);
        execute(job(invoice, "Task_EmailPaymentReminder"));

        runtimeService().createMessageCorrelation("InvoicePaid").processInstanceBusinessKey(INVOICE_NUMBER).correlate();

        assertThat(invoice).hasPassed("EndEvent_ReminderSent", "EndEvent_InvoicePaidElsewhere").isEnded();
        verify(invoices).applyLateFee(INVOICE_NUMBER);
        verify(notifications).send(mail("payment-reminder"));
    }

    @Test
    @DisplayName("X2 a failing invoice mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "once the mail server is back and the job retried, the invoice is delivered exactly once")
    void failedMailIsRetriedAndNeverLost() {
        ProcessInstance invoice = raiseInvoice();
        // X2: the SMTP server is down, so the mail sender throws; it is the one fake here
        Job mail = MailRetries.failUntilIncident(invoice, "Task_EmailInvoice", notifications);
        assertThat(invoice).isWaitingAtExactly("Task_EmailInvoice");
        assertThat(jobQuery().processInstanceId(invoice.getId()).noRetriesLeft().count()).isEqualTo(1);

        // The mail server is back; an operator retries the job once (Cockpit "increment retries").
        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(job(invoice, "Task_EmailInvoice"));

        verify(notifications, times(1)).send(mail("invoice-issued"));
        assertThat(runtimeService().createIncidentQuery().processInstanceId(invoice.getId()).count()).isZero();
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        assertThat(jobQuery().processInstanceId(invoice.getId()).messages().count()).isZero();
    }

    @Test
    @DisplayName("R11 a payment of the wrong amount is refused and the finance task stays open")
    void wrongAmountIsRefused() {
        ProcessInstance invoice = raiseInvoice();
        Task recordPayment = emailInvoice(invoice);
        // R11 is InvoiceService's rule: the amount paid must be the total due
        when(invoices.recordPayment(eq(INVOICE_NUMBER), eq(16_000L), any(), any(), any()))
                .thenThrow(new BusinessRuleViolation("R11", "The amount paid must be £180.00."));

        assertThatThrownBy(() -> complete(recordPayment, withVariables(
                        "amountPaidPounds", 160, "paidOn", "2026-07-20", "paymentReference", "BACS-1")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R11: The amount paid must be £180.00.");

        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        assertThat(task(invoice).getId()).isEqualTo(recordPayment.getId());
        verify(invoices).recordPayment(INVOICE_NUMBER, 16_000, LocalDate.of(2026, 7, 20), "BACS-1", null);
    }

    @Test
    @DisplayName("R11 a payment recorded through the API while the invoice e-mail is still waiting closes the invoice too")
    void paidThroughTheApiBeforeTheFinanceTaskExists() {
        ProcessInstance invoice = raiseInvoice();
        assertThat(invoice).isWaitingAt("Task_EmailInvoice");

        runtimeService().createMessageCorrelation("InvoicePaid").processInstanceBusinessKey(INVOICE_NUMBER).correlate();

        assertThat(invoice).isEnded().hasPassed("Event_PaidThroughApi", "EndEvent_InvoicePaidElsewhere")
                .hasNotPassed("Task_RecordPayment", "Task_RegisterPayment");
        assertThat(jobQuery().processInstanceId(invoice.getId()).count()).as("no invoice mail left to send").isZero();
        verify(notifications, never()).send(any());
    }
}
