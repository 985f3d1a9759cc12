package org.carecommissioning.performance;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** PI2, PI4: the provider's submission from the form (or the uploaded workbook), and what the check finds. */
@Component("registerSubmissionDelegate")
class RegisterSubmissionDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final PiReturnDeadlines deadlines;
    private final CareProperties properties;
    private final Clock clock;

    RegisterSubmissionDelegate(PiReturns returns, PiReturnDeadlines deadlines, CareProperties properties, Clock clock) {
        this.returns = returns;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        String reference = variables.returnReference();
        PiReturn piReturn = returns.submit(reference, variables.submission(), CurrentUser.of(execution));
        variables.registered(piReturn.isLate(), returns.findings(reference), deadlines.checkDue(LocalDate.now(clock)),
                properties.zone());
    }
}
