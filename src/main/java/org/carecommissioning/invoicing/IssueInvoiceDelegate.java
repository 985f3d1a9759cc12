package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** R11: sets the payment deadline (4 weeks from the invoice date) as the finance task's due date and timer. */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

    private final InvoiceService invoices;
    private final CareProperties properties;

    IssueInvoiceDelegate(InvoiceService invoices, CareProperties properties) {
        this.invoices = invoices;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable("invoiceNumber");
        Invoice invoice = invoices.get(number);
        execution.setVariable("organisationName", invoices.billedOrganisation(number).getName());
        execution.setVariable("amountDuePounds", Money.format(invoice.totalDuePence()));
        execution.setVariable("paymentDueDate", invoice.getDueDate().toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        execution.setVariable("paymentDueDateText", DisplayDates.date(invoice.getDueDate()));
        // R11, X1: due by the end of the due date (Tasklist shows that date); late, and the fee added, once that day
        // is over (00:00 the day after)
        execution.setVariable("paymentDueAt", ProcessDates.endOfDay(invoice.getDueDate(), properties.zone()));
        execution.setVariable("lateFeeAt", ProcessDates.dayOver(invoice.getDueDate(), properties.zone()));
        execution.setVariable("lateFeeApplied", false);
    }
}
