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
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.MailRetries;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/invoice.bpmn on a plain in-memory engine: the invoice PDF mail (async, retried), the finance task due
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
    static final long LATE_FEE_PENCE = 2_000; // care.late-fee-pence
    /** Invoice date 1 July 2026; R11 payment within 4 weeks: due 29 July 2026. */
    static final LocalDate DUE_DATE = LocalDate.of(2026, 7, 29);

    private FakeDelegate issueInvoice;
    private FakeDelegate invoiceMail;
    private FakeDelegate registerPayment;
    private FakeDelegate applyLateFee;
    private FakeDelegate paymentReminderMail;
    private boolean paid;
    private long lateFeePence;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-07-01T06:00");
        issueInvoice = FakeDelegate.register("issueInvoiceDelegate", execution -> {
            String number = (String) execution.getVariable("invoiceNumber");
            execution.setVariable("organisationName", "Hope Community Group " + number.substring(4, 8));
            execution.setVariable("amountDuePounds", Money.format(INVOICE_TOTAL_PENCE));
            execution.setVariable("paymentDueDate", DUE_DATE.toString());
            execution.setVariable("paymentDueAt", ProcessDates.endOfDay(DUE_DATE, LONDON));
            execution.setVariable("lateFeeAt", ProcessDates.dayOver(DUE_DATE, LONDON));
            execution.setVariable("lateFeeApplied", false);
        });
        invoiceMail = FakeDelegate.register("invoiceMailDelegate");
        registerPayment = FakeDelegate.register("registerPaymentDelegate", execution -> {
            if (paid) {
                throw new BusinessRuleViolation("R11", "Invoice " + execution.getVariable("invoiceNumber")
                        + " is already paid.");
            }
            long amount = Money.poundsToPence(FormValues.number(execution.getVariable("amountPaidPounds"), "R11",
                    "The amount paid"), "The amount paid");
            if (amount != INVOICE_TOTAL_PENCE + lateFeePence) {
                throw new BusinessRuleViolation("R11", "The amount paid must be "
                        + Money.format(INVOICE_TOTAL_PENCE + lateFeePence) + ".");
            }
            FormValues.date(execution.getVariable("paidOn"), "R11", "The payment date");
            paid = true;
        });
        applyLateFee = FakeDelegate.register("applyLateFeeDelegate", execution -> {
            lateFeePence = LATE_FEE_PENCE;
            execution.setVariable("lateFeeApplied", true);
            execution.setVariable("amountDuePounds", Money.format(INVOICE_TOTAL_PENCE + lateFeePence));
        });
        paymentReminderMail = FakeDelegate.register("paymentReminderMailDelegate");
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

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    /** Sends the invoice mail (X2: an async job) and returns the finance task it leads to. */
    private Task emailInvoice(ProcessInstance invoice) {
        Job mail = job(invoice, "Task_EmailInvoice");
        assertThat(mail).hasRetries(5);
        assertThat(invoiceMail.callCount()).isZero();
        execute(mail);
        assertThat(invoiceMail.callCount()).isEqualTo(1);
        assertThat(invoiceMail.lastCall().businessKey()).isEqualTo(INVOICE_NUMBER);
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        return task(invoice);
    }

    @Test
    @DisplayName("R11 X1 an invoice paid on time: the finance task is due on the payment date, the payment is "
            + "registered and no fee is added")
    void paidOnTime() {
        ProcessInstance invoice = raiseInvoice();
        assertThat(issueInvoice.callCount()).isEqualTo(1);
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

        assertThat(registerPayment.callCount()).isEqualTo(1);
        assertThat(registerPayment.lastCall().variable("paymentReference")).isEqualTo("BACS-778");
        assertThat(invoice)
                .hasPassedInOrder("Task_IssueInvoice", "Task_EmailInvoice", "Task_RecordPayment",
                        "Task_RegisterPayment", "EndEvent_InvoicePaid")
                .hasNotPassed("Task_ApplyLateFee", "Task_EmailPaymentReminder", "EndEvent_InvoicePaidElsewhere")
                .isEnded();
        assertThat(applyLateFee.attempts()).isZero();
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

        assertThat(applyLateFee.callCount()).isEqualTo(1);
        assertThat(variable(invoice, "lateFeeApplied")).isEqualTo(true);
        assertThat(variable(invoice, "amountDuePounds")).isEqualTo("£200.00");
        // The reminder is an async job (X2); the payment task is still open beside it.
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment", "Task_EmailPaymentReminder");
        Job reminder = job(invoice, "Task_EmailPaymentReminder");
        assertThat(reminder).hasRetries(5);
        execute(reminder);
        assertThat(paymentReminderMail.callCount()).isEqualTo(1);
        assertThat(invoice).hasPassed("Event_PaymentOverdue", "Task_ApplyLateFee", "EndEvent_ReminderSent")
                .isWaitingAtExactly("Task_RecordPayment");
        assertThat(task(invoice).getId()).as("the same finance task, not a new one").isEqualTo(recordPayment.getId());

        // A month later: no timer left, no second fee.
        TestClock.setTo("2026-08-30T00:00");
        assertThat(jobQuery().processInstanceId(invoice.getId()).count()).isZero();
        assertThat(applyLateFee.callCount()).isEqualTo(1);

        complete(task(invoice), withVariables("amountPaidPounds", 200, "paidOn", "2026-08-29", "paymentReference", "BACS-901"));

        assertThat(registerPayment.callCount()).isEqualTo(1);
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
        assertThat(registerPayment.attempts()).isZero();
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
        assertThat(applyLateFee.callCount()).isEqualTo(1);
        assertThat(paymentReminderMail.callCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("X2 a failing invoice mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "once the mail server is back and the job retried, the invoice is delivered exactly once")
    void failedMailIsRetriedAndNeverLost() {
        ProcessInstance invoice = raiseInvoice();
        Job mail = MailRetries.failUntilIncident(invoice, "Task_EmailInvoice", invoiceMail);
        assertThat(invoiceMail.callCount()).isZero();
        assertThat(invoice).isWaitingAtExactly("Task_EmailInvoice");
        assertThat(jobQuery().processInstanceId(invoice.getId()).noRetriesLeft().count()).isEqualTo(1);

        // The mail server is back; an operator retries the job once (Cockpit "increment retries").
        invoiceMail.behave(execution -> { });
        managementService().setJobRetries(mail.getId(), 1);
        execute(job(invoice, "Task_EmailInvoice"));

        assertThat(invoiceMail.callCount()).isEqualTo(1);
        assertThat(invoiceMail.attempts()).isEqualTo(6);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(invoice.getId()).count()).isZero();
        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        assertThat(jobQuery().processInstanceId(invoice.getId()).messages().count()).isZero();
    }

    @Test
    @DisplayName("R11 a payment of the wrong amount is refused and the finance task stays open")
    void wrongAmountIsRefused() {
        ProcessInstance invoice = raiseInvoice();
        Task recordPayment = emailInvoice(invoice);

        assertThatThrownBy(() -> complete(recordPayment, withVariables(
                        "amountPaidPounds", 160, "paidOn", "2026-07-20", "paymentReference", "BACS-1")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R11: The amount paid must be £180.00.");

        assertThat(invoice).isWaitingAtExactly("Task_RecordPayment");
        assertThat(task(invoice).getId()).isEqualTo(recordPayment.getId());
        assertThat(registerPayment.callCount()).isZero();
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
    }
}
