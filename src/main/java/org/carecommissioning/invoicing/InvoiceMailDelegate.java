package org.carecommissioning.invoicing;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** R10, X2: e-mails the PDF invoice to the commissioning organisation. */
@Component("invoiceMailDelegate")
class InvoiceMailDelegate implements JavaDelegate {

    private final InvoiceService invoices;
    private final InvoicePdf pdf;
    private final NotificationService notifications;
    private final CareProperties properties;
    private final InvoicingProperties invoicing;

    InvoiceMailDelegate(InvoiceService invoices, InvoicePdf pdf, NotificationService notifications,
            CareProperties properties, InvoicingProperties invoicing) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.notifications = notifications;
        this.properties = properties;
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = InvoiceVariables.of(execution).invoiceNumber();
        Invoice invoice = invoices.get(number);
        Organisation billed = invoices.billedOrganisation(number);
        notifications.send(Email.of(billed.getEmail(), "invoice-issued", Map.of(
                        "invoiceNumber", number,
                        "providerName", properties.provider().name(),
                        "quarterLabel", invoice.financialQuarter().label(),
                        "organisationName", billed.getName(),
                        "amountDue", Money.format(invoice.totalDuePence()),
                        "dueDate", DisplayDates.date(invoice.getDueDate()),
                        "lateFee", Money.format(invoicing.lateFeePence())))
                .withAttachment(number + ".pdf", "application/pdf", pdf.render(invoice, billed)));
    }
}
