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

/** R11, X2: reminds the commissioning organisation of an overdue invoice and its fee. */
@Component("paymentReminderMailDelegate")
class PaymentReminderMailDelegate implements JavaDelegate {

    private final InvoiceService invoices;
    private final NotificationService notifications;
    private final CareProperties properties;

    PaymentReminderMailDelegate(InvoiceService invoices, NotificationService notifications,
            CareProperties properties) {
        this.invoices = invoices;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = InvoiceVariables.of(execution).invoiceNumber();
        Invoice invoice = invoices.get(number);
        if (invoice.getStatus() == InvoiceStatus.PAID) {
            return; // paid while the reminder waited to be sent: no reminder for a settled invoice
        }
        Organisation billed = invoices.billedOrganisation(number);
        notifications.send(Email.of(billed.getEmail(), "payment-reminder", Map.of(
                "invoiceNumber", number,
                "organisationName", billed.getName(),
                "dueDate", DisplayDates.date(invoice.getDueDate()),
                "lateFee", Money.format(invoice.getLateFeePence()),
                "amountDue", Money.format(invoice.totalDuePence()),
                "providerName", properties.provider().name())));
    }
}
