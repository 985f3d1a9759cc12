package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
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
        InvoiceVariables variables = InvoiceVariables.of(execution);
        InvoiceVariables.PaymentRecord payment = variables.payment();
        invoices.recordPayment(variables.invoiceNumber(), payment.amountPence(), payment.paidOn(), payment.reference(),
                CurrentUser.of(execution));
    }
}
