package org.carecommissioning.invoicing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.Money;
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
        String number = (String) execution.getVariable("invoiceNumber");
        boolean added = invoices.applyLateFee(number);
        execution.setVariable("lateFeeApplied", added || invoices.get(number).getLateFeePence() > 0);
        execution.setVariable("amountDuePounds", Money.format(invoices.get(number).totalDuePence()));
    }
}
