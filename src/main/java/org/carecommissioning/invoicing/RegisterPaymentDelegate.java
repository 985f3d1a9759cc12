package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.springframework.stereotype.Component;

/** R11: records the payment entered on the finance form. */
@Component("registerPaymentDelegate")
class RegisterPaymentDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    RegisterPaymentDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoices.recordPayment(
                (String) execution.getVariable("invoiceNumber"),
                Money.poundsToPence(FormValues.number(execution.getVariable("amountPaidPounds"), "R11",
                        "The amount paid"), "The amount paid"),
                FormValues.date(execution.getVariable("paidOn"), "R11", "The payment date"),
                FormValues.text(execution.getVariable("paymentReference")),
                CurrentUser.of(execution));
    }
}
