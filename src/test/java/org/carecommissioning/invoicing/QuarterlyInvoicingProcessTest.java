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
import static org.carecommissioning.testing.TestClock.LONDON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/quarterly-invoicing.bpmn with processes/invoice.bpmn as its called process: one invoice process per
 * raised invoice (multi-instance call activity over invoiceNumbers, business key = invoice number).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/quarterly-invoicing.bpmn", "processes/invoice.bpmn"})
@DisplayName("quarterly-invoicing process (R10, R11)")
class QuarterlyInvoicingProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private FakeDelegate raiseQuarterlyInvoices;
    private FakeDelegate issueInvoice;
    private FakeDelegate invoiceMail;
    private FakeDelegate registerPayment;
    /** The invoice numbers InvoiceService.raiseQuarterlyInvoices returns in this test. */
    private List<String> invoicesToRaise = List.of();

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-10-01T06:00");
        raiseQuarterlyInvoices = registerRaiseQuarterlyInvoices(() -> invoicesToRaise);
        issueInvoice = FakeDelegate.register("issueInvoiceDelegate", execution -> {
            LocalDate due = TestClock.today().plusDays(28); // care.payment-terms-days
            execution.setVariable("organisationName", "Commissioner of " + execution.getVariable("invoiceNumber"));
            execution.setVariable("amountDuePounds", Money.format(4_000));
            execution.setVariable("paymentDueDate", due.toString());
            execution.setVariable("paymentDueAt", ProcessDates.startOfDay(due, LONDON));
            execution.setVariable("lateFeeAt", ProcessDates.endOfDay(due, LONDON));
            execution.setVariable("lateFeeApplied", false);
        });
        invoiceMail = FakeDelegate.register("invoiceMailDelegate");
        registerPayment = FakeDelegate.register("registerPaymentDelegate");
        FakeDelegate.register("applyLateFeeDelegate");
        FakeDelegate.register("paymentReminderMailDelegate");
    }

    /**
     * As RaiseQuarterlyInvoicesDelegate: the chosen quarter (or the last completed one) names the run; the invoice
     * numbers go into a JSON list the multi-instance call activity iterates.
     */
    static FakeDelegate registerRaiseQuarterlyInvoices(java.util.function.Supplier<List<String>> raised) {
        return FakeDelegate.register("raiseQuarterlyInvoicesDelegate", execution -> {
            Integer year = FormValues.integer(execution.getVariable("financialYear"), "R10", "The financial year");
            Integer quarter = FormValues.integer(execution.getVariable("quarter"), "R10", "The quarter");
            FinancialQuarter invoiced = year == null && quarter == null
                    ? FinancialQuarter.lastCompletedBefore(TestClock.today())
                    : new FinancialQuarter(year, quarter);
            List<String> numbers = new ArrayList<>(raised.get());
            execution.setProcessBusinessKey("INVOICE-RUN-" + invoiced.code());
            execution.setVariable("quarterLabel", invoiced.label());
            execution.setVariable("invoiceNumbers", Variables.objectValue(numbers)
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            execution.setVariable("invoicesRaised", numbers.size());
        });
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
        invoicesToRaise = List.of("INV-A-2026Q2", "INV-B-2026Q2");

        ProcessInstance run = requestInvoiceRun(Map.of());

        assertThat(raiseQuarterlyInvoices.callCount()).isEqualTo(1);
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
        assertThat(issueInvoice.calls()).extracting(call -> call.variable("invoiceNumber"))
                .containsExactlyInAnyOrder("INV-A-2026Q2", "INV-B-2026Q2");

        // Invoice A is paid on its finance task, invoice B through the finance API.
        ProcessInstance invoiceA = invoices.get(0);
        ProcessInstance invoiceB = invoices.get(1);
        execute(jobQuery().processInstanceId(invoiceA.getId()).activityId("Task_EmailInvoice").singleResult());
        execute(jobQuery().processInstanceId(invoiceB.getId()).activityId("Task_EmailInvoice").singleResult());
        assertThat(invoiceMail.calls()).extracting(FakeDelegate.Call::businessKey)
                .containsExactlyInAnyOrder("INV-A-2026Q2", "INV-B-2026Q2");
        complete(task(invoiceA), withVariables("amountPaidPounds", 40, "paidOn", "2026-10-10"));
        assertThat(invoiceA).hasPassed("EndEvent_InvoicePaid").isEnded();
        assertInvoicingOpen(run, 1);

        runtimeService().createMessageCorrelation("InvoicePaid").processInstanceBusinessKey("INV-B-2026Q2").correlate();

        assertThat(invoiceB).hasPassed("EndEvent_InvoicePaidElsewhere").isEnded();
        assertThat(registerPayment.callCount()).isEqualTo(1);
        assertThat(run).hasPassed("EndEvent_InvoicesSettled").isEnded();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_InvoiceEachOrganisation").activityType("callActivity").count()).isEqualTo(2);
    }

    @Test
    @DisplayName("R10 a quarter with nothing to invoice raises no invoice process and the run ends at once")
    void nothingToInvoiceEndsAtOnce() {
        invoicesToRaise = List.of();

        ProcessInstance run = requestInvoiceRun(Map.of());

        assertThat(raiseQuarterlyInvoices.callCount()).isEqualTo(1);
        assertThat(businessKeyOf(run)).isEqualTo("INVOICE-RUN-2026Q2");
        assertThat(run)
                .hasPassed("Task_RaiseQuarterlyInvoices", "EndEvent_InvoicesSettled")
                .isEnded();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("invoice").count())
                .isZero();
        assertThat(issueInvoice.attempts()).isZero();
    }

    @Test
    @DisplayName("R10 finance can run the invoices of a chosen quarter from the start form")
    void chosenQuarter() {
        invoicesToRaise = List.of("INV-HOPE-2025Q4");

        ProcessInstance run = requestInvoiceRun(Map.of("financialYear", 2025, "quarter", 4));

        assertThat(run).hasBusinessKey("INVOICE-RUN-2025Q4");
        assertInvoicingOpen(run, 1);
        assertThat(runtimeService().getVariable(run.getId(), "quarterLabel"))
                .isEqualTo("2025/26 Q4 (January-March 2026)");
        assertThat(invoicesOf(run)).extracting(ProcessInstance::getBusinessKey).containsExactly("INV-HOPE-2025Q4");
    }
}
