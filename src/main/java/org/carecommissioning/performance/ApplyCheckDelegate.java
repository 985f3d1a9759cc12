package org.carecommissioning.performance;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.stereotype.Component;

/**
 * PI4, PI5, PI7: applies the officer's outcome. An incomplete return cannot be accepted, nor a missed trigger
 * without the provider's explanation; a late return needs its reason.
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
        String reference = (String) execution.getVariable("returnReference");
        String outcome = FormValues.text(execution.getVariable("checkOutcome"));
        if (outcome == null) {
            throw new BusinessRuleViolation("PI4", "Choose the outcome of the check.");
        }
        if (FormValues.flag(execution.getVariable("returnLate"))) {
            returns.recordLateness(reference, FormValues.text(execution.getVariable("latenessReason")));
        }
        boolean incomplete = !FormValues.flag(execution.getVariable("dccCodeCorrect"))
                || FormValues.text(execution.getVariable("missingIndicators")) != null;
        boolean unexplained = FormValues.flag(execution.getVariable("anyMissedTrigger"))
                && !FormValues.flag(execution.getVariable("providerExplained"));
        switch (outcome) {
            case "accept" -> {
                if (incomplete) {
                    throw new BusinessRuleViolation("PI4", "The return has the wrong DCC code or missing"
                            + " sections; return it to the provider asking for the missing data.");
                }
                if (unexplained) {
                    throw new BusinessRuleViolation("PI5", "A trigger was missed and the provider has not explained"
                            + " why; return it asking for an explanation.");
                }
            }
            case "incomplete", "explanation" -> {
                returns.returnToProvider(reference, FormValues.text(execution.getVariable("requestToProvider")));
                // X1: the provider's new submission task is due by then
                LocalDate resubmitBy = returns.resubmitBy(reference);
                execution.setVariable("resubmitBy", resubmitBy.toString());
                execution.setVariable("deadlineAt", ProcessDates.endOfDay(resubmitBy, properties.zone()));
            }
            case "refer" -> {
                if (unexplained) {
                    throw new BusinessRuleViolation("PI5", "Ask the provider for an explanation before referring"
                            + " the missed trigger.");
                }
                returns.refer(reference);
            }
            default -> throw new BusinessRuleViolation("PI4", "Unknown check outcome " + outcome + ".");
        }
        execution.setVariable("checkedBy", CurrentUser.of(execution));
    }
}
