package org.carecommissioning.invoicing;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.ProcessDates;

/**
 * The variables of processes/invoice.bpmn, names and types in one place. The record-payment form's values are read
 * here, at the edge, with {@link FormValues} (a bad value is the form's rule violation, not an engine error); the
 * delegates get typed values. The model's expressions use the same names.
 */
final class InvoiceVariables {

    /** The invoice the process is about; quarterly-invoicing.bpmn passes it in (and uses it as the business key). */
    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String ORGANISATION_NAME = "organisationName";
    static final String AMOUNT_DUE_POUNDS = "amountDuePounds";
    static final String PAYMENT_DUE_DATE = "paymentDueDate";
    static final String PAYMENT_DUE_DATE_TEXT = "paymentDueDateText";
    static final String PAYMENT_DUE_AT = "paymentDueAt";
    static final String LATE_FEE_AT = "lateFeeAt";
    static final String LATE_FEE_APPLIED = "lateFeeApplied";
    static final String AMOUNT_PAID_POUNDS = "amountPaidPounds";
    static final String PAID_ON = "paidOn";
    static final String PAYMENT_REFERENCE = "paymentReference";

    private final DelegateExecution execution;

    private InvoiceVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static InvoiceVariables of(DelegateExecution execution) {
        return new InvoiceVariables(execution);
    }

    /** R11: a payment registered on the record-payment form. */
    record PaymentRecord(long amountPence, LocalDate paidOn, String reference) {
    }

    String invoiceNumber() {
        return (String) execution.getVariable(INVOICE_NUMBER);
    }

    /**
     * R11, X1: the issued invoice. Its payment is due by the end of the due date (Tasklist shows that date); it is
     * late, and the fee added, once that day is over (00:00 the day after).
     */
    void issued(Invoice invoice, String organisationName, ZoneId zone) {
        execution.setVariable(ORGANISATION_NAME, organisationName);
        amountDue(invoice);
        execution.setVariable(PAYMENT_DUE_DATE, invoice.getDueDate().toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        execution.setVariable(PAYMENT_DUE_DATE_TEXT, DisplayDates.date(invoice.getDueDate()));
        execution.setVariable(PAYMENT_DUE_AT, ProcessDates.endOfDay(invoice.getDueDate(), zone));
        execution.setVariable(LATE_FEE_AT, ProcessDates.dayOver(invoice.getDueDate(), zone));
        execution.setVariable(LATE_FEE_APPLIED, false);
    }

    /** R11: whether the invoice carries its late fee, and what is now due. */
    void lateFee(boolean applied, Invoice invoice) {
        execution.setVariable(LATE_FEE_APPLIED, applied);
        amountDue(invoice);
    }

    /** R11: the record-payment form. */
    PaymentRecord payment() {
        return new PaymentRecord(
                Money.poundsToPence(FormValues.number(execution.getVariable(AMOUNT_PAID_POUNDS), "R11",
                        "The amount paid"), "The amount paid"),
                FormValues.date(execution.getVariable(PAID_ON), "R11", "The payment date"),
                FormValues.text(execution.getVariable(PAYMENT_REFERENCE)));
    }

    private void amountDue(Invoice invoice) {
        execution.setVariable(AMOUNT_DUE_POUNDS, Money.format(invoice.totalDuePence()));
    }
}
