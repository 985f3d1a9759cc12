package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.referral.TreatmentSessionService.OutcomeFacts;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.stereotype.Component;

/** R6, R7: records the session outcome and hands the cancellation-charge table its inputs. */
@Component("registerSessionOutcomeDelegate")
class RegisterSessionOutcomeDelegate implements JavaDelegate {

    private final TreatmentSessionService sessions;
    private final ReferralService referrals;
    private final CareProperties properties;
    private final Clock clock;

    RegisterSessionOutcomeDelegate(TreatmentSessionService sessions, ReferralService referrals,
            CareProperties properties, Clock clock) {
        this.sessions = sessions;
        this.referrals = referrals;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        SessionOutcome outcome = variables.sessionOutcome();
        OutcomeFacts facts = sessions.recordOutcome(
                variables.sessionId(),
                outcome,
                variables.cancellationNotifiedAt(properties.zone()),
                variables.outcomeNotes(),
                CurrentUser.of(execution));
        Long referralId = variables.referralId();
        variables.outcomeRecorded(outcome, facts, referrals.get(referralId).treatmentsRemaining(),
                sessions.treatmentsGiven(referralId));
        // R8, X1: seed 000 has the evaluation form filled in "at the end" of the (last) treatment: due by the end of
        // the session's day, or of today when the outcome is recorded later, so the task is not born overdue
        variables.evaluationDueAt(ProcessDates.endOfDayNotBefore(
                sessions.get(variables.sessionId()).getStartsAt().toLocalDate(),
                LocalDate.now(clock), properties.zone()));
        variables.clearOutcomeForm();
    }
}
