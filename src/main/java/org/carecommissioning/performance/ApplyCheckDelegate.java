package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.performance.PiReturns.Check;
import org.carecommissioning.performance.PiReturns.CheckResult;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
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
        CheckResult result = returns.check((String) execution.getVariable("returnReference"), new Check(
                FormValues.text(execution.getVariable("checkOutcome")),
                FormValues.text(execution.getVariable("latenessReason")),
                FormValues.text(execution.getVariable("requestToProvider")),
                FormValues.flag(execution.getVariable("returnLate")),
                FormValues.flag(execution.getVariable("dccCodeCorrect")),
                FormValues.text(execution.getVariable("missingIndicators")),
                FormValues.flag(execution.getVariable("anyMissedTrigger")),
                FormValues.flag(execution.getVariable("providerExplained"))));
        if (result.resubmitBy() != null) {
            // X1: the provider's new submission task is due by then
            execution.setVariable("resubmitBy", result.resubmitBy().toString());
            execution.setVariable("deadlineAt", ProcessDates.endOfDay(result.resubmitBy(), properties.zone()));
        }
        execution.setVariable("checkedBy", CurrentUser.of(execution));
    }
}
