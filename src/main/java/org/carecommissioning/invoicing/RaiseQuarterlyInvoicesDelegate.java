package org.carecommissioning.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FinancialQuarter;
import org.springframework.stereotype.Component;

/** R10: raises the quarter's invoices; the run's business key names the quarter. */
@Component("raiseQuarterlyInvoicesDelegate")
class RaiseQuarterlyInvoicesDelegate implements JavaDelegate {

    private final InvoiceService invoices;
    private final Clock clock;

    RaiseQuarterlyInvoicesDelegate(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QuarterlyInvoicingVariables variables = QuarterlyInvoicingVariables.of(execution);
        FinancialQuarter chosen = variables.chosenQuarter();
        FinancialQuarter quarter = chosen != null ? chosen : FinancialQuarter.lastCompletedBefore(LocalDate.now(clock));
        List<String> raised = new ArrayList<>(invoices.raiseQuarterlyInvoices(quarter));
        variables.raised(quarter, raised);
    }
}
