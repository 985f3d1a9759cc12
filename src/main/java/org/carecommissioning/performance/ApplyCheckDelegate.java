package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.performance.PiReturns.CheckResult;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * PI4, PI5, PI7: hands the officer's outcome and the findings the check showed to {@link PiReturns#check}, which
 * holds the acceptance rules; writes the provider's new due date when the return goes back (X1).
 */
@Component("applyCheckDelegate")
class ApplyCheckDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final CareProperties properties;

    ApplyCheckDelegate(PiReturns returns, CareProperties properties) {
        this.returns = returns;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        CheckResult result = returns.check(variables.returnReference(), variables.check());
        if (result.resubmitBy() != null) {
            // X1: the provider's new submission task is due by then
            variables.resubmitBy(result.resubmitBy(), properties.zone());
        }
        variables.checkedBy(CurrentUser.of(execution));
    }
}
