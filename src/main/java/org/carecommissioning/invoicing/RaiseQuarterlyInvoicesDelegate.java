package org.carecommissioning.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
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
        FinancialQuarter quarter = chosenQuarter(execution);
        List<String> raised = new ArrayList<>(invoices.raiseQuarterlyInvoices(quarter));
        execution.setProcessBusinessKey("INVOICE-RUN-" + quarter.code());
        execution.setVariable("quarterLabel", quarter.label());
        execution.setVariable("invoiceNumbers", Variables.objectValue(raised)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("invoicesRaised", raised.size());
    }

    private FinancialQuarter chosenQuarter(DelegateExecution execution) {
        Integer year = FormValues.integer(execution.getVariable("financialYear"), "R10", "The financial year");
        Integer quarter = FormValues.integer(execution.getVariable("quarter"), "R10", "The quarter");
        if (year == null && quarter == null) {
            return FinancialQuarter.lastCompletedBefore(LocalDate.now(clock));
        }
        if (year == null || quarter == null) {
            throw new BusinessRuleViolation("R10", "Give both the financial year and the quarter, or leave both blank"
                    + " to invoice the last completed quarter.");
        }
        return new FinancialQuarter(year, quarter);
    }
}
