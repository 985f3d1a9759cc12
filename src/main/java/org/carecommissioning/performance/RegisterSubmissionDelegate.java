package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.performance.PiReturn.Submission;
import org.carecommissioning.performance.PiReturns.CheckFindings;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.stereotype.Component;

/** PI2, PI4: the provider's submission from the form (or the uploaded workbook), and what the check finds. */
@Component("registerSubmissionDelegate")
class RegisterSubmissionDelegate implements JavaDelegate {

    /** PI4: the purchasing officer checks a return within two weeks of receipt. */
    static final int CHECK_DAYS = 14;

    private final PiReturns returns;
    private final CareProperties properties;
    private final Clock clock;

    RegisterSubmissionDelegate(PiReturns returns, CareProperties properties, Clock clock) {
        this.returns = returns;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable("returnReference");
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Number value = FormValues.number(execution.getVariable(indicator.name().toLowerCase()), "PI4",
                    indicator.name() + " (" + indicator.label() + ")");
            values.put(indicator, value == null ? null : new BigDecimal(value.toString()));
        }
        PiReturn piReturn = returns.submit(reference, new Submission(
                FormValues.text(execution.getVariable("dccCode")),
                FormValues.integer(execution.getVariable("unitsReported"), "PI4", "Units"),
                FormValues.text(execution.getVariable("unitsChangeExplanation")),
                values,
                FormValues.text(execution.getVariable("localPis")),
                FormValues.text(execution.getVariable("providerComments"))), CurrentUser.of(execution));
        CheckFindings findings = returns.findings(reference);
        execution.setVariable("returnLate", piReturn.isLate());
        execution.setVariable("dccCodeCorrect", findings.dccCodeCorrect());
        execution.setVariable("missingIndicators", String.join(", ", findings.missingIndicators()));
        execution.setVariable("missedTriggers", String.join("\n", findings.missedTriggers()));
        execution.setVariable("anyMissedTrigger", !findings.missedTriggers().isEmpty());
        execution.setVariable("providerExplained", findings.providerExplained());
        execution.setVariable("checkDueAt", ProcessDates.endOfDay(LocalDate.now(clock).plusDays(CHECK_DAYS),
                properties.zone()));
        execution.removeVariable("checkOutcome");
        execution.removeVariable("requestToProvider");
    }
}
