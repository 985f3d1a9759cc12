package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * U4: closes the concern with what its escalation task's form records (the safeguarding action, or the complaint's
 * hand-over to the complaints procedure), then drops the account of what was done from the process: it lives on the
 * concern only. Bad input is refused (400) and the task stays open.
 */
@Component
class ConsultationConcernOutcomeDelegate implements JavaDelegate {

    private final ConsultationConcerns concerns;

    ConsultationConcernOutcomeDelegate(ConsultationConcerns concerns) {
        this.concerns = concerns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationVariables variables = EscalationVariables.of(execution);
        concerns.recordOutcome(variables.concernReference(), variables.outcome(), CurrentUser.of(execution));
        variables.outcomeRecorded();
    }
}
