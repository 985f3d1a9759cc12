package org.carecommissioning.invoicing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.shared.FormValues;

/**
 * The variables of processes/quarterly-invoicing.bpmn, names and types in one place. The invoice-run-start form's
 * values are read here, at the edge, with {@link FormValues}; the model's multi-instance reads invoiceNumbers and
 * starts one invoice process per number (see {@link InvoiceVariables#INVOICE_NUMBER}).
 */
final class QuarterlyInvoicingVariables {

    static final String FINANCIAL_YEAR = "financialYear";
    static final String QUARTER = "quarter";
    static final String QUARTER_LABEL = "quarterLabel";
    static final String INVOICE_NUMBERS = "invoiceNumbers";
    static final String INVOICES_RAISED = "invoicesRaised";

    private final DelegateExecution execution;

    private QuarterlyInvoicingVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static QuarterlyInvoicingVariables of(DelegateExecution execution) {
        return new QuarterlyInvoicingVariables(execution);
    }

    /**
     * R10: the quarter chosen on the start form, or null when both fields are blank (the last completed quarter).
     * One given without the other is the form's rule violation.
     */
    FinancialQuarter chosenQuarter() {
        Integer year = FormValues.integer(execution.getVariable(FINANCIAL_YEAR), "R10", "The financial year");
        Integer quarter = FormValues.integer(execution.getVariable(QUARTER), "R10", "The quarter");
        if (year == null && quarter == null) {
            return null;
        }
        if (year == null || quarter == null) {
            throw new BusinessRuleViolation("R10", "Give both the financial year and the quarter, or leave both blank"
                    + " to invoice the last completed quarter.");
        }
        return new FinancialQuarter(year, quarter);
    }

    /** R10: the run's business key names the quarter; the multi-instance starts one invoice per number. */
    void raised(FinancialQuarter quarter, List<String> invoiceNumbers) {
        execution.setProcessBusinessKey("INVOICE-RUN-" + quarter.code());
        execution.setVariable(QUARTER_LABEL, quarter.label());
        execution.setVariable(INVOICE_NUMBERS, Variables.objectValue(invoiceNumbers)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(INVOICES_RAISED, invoiceNumbers.size());
    }
}
