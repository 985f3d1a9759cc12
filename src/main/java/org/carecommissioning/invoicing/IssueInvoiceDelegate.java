package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
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
        InvoiceVariables variables = InvoiceVariables.of(execution);
        String number = variables.invoiceNumber();
        Invoice invoice = invoices.get(number);
        variables.issued(invoice, invoices.billedOrganisation(number).getName(), properties.zone());
    }
}
