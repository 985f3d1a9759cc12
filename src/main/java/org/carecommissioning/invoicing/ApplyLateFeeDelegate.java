package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R11: adds the one £20 administration fee to an invoice still unpaid after its due date. */
@Component("applyLateFeeDelegate")
class ApplyLateFeeDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    ApplyLateFeeDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvoiceVariables variables = InvoiceVariables.of(execution);
        String number = variables.invoiceNumber();
        boolean added = invoices.applyLateFee(number);
        variables.lateFee(added || invoices.get(number).getLateFeePence() > 0, invoices.get(number));
    }
}
