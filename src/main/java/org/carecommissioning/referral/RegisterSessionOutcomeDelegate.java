package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.referral.TreatmentSessionService.OutcomeFacts;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
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
        SessionOutcome outcome = SessionOutcome.fromFormValue(FormValues.text(execution.getVariable("sessionOutcome")));
        OutcomeFacts facts = sessions.recordOutcome(
                ProcessVariables.id(execution, "sessionId"),
                outcome,
                FormValues.dateTime(execution.getVariable("cancellationNotifiedAt"), properties.zone(), "R6",
                        "The time the cancellation was notified"),
                FormValues.text(execution.getVariable("outcomeNotes")),
                CurrentUser.of(execution));
        execution.setVariable("sessionAttended", outcome == SessionOutcome.ATTENDED);
        execution.setVariable("cancelledBy", facts.cancelledBy());
        execution.setVariable("noticeHours", facts.noticeHours());
        Long referralId = ProcessVariables.id(execution, "referralId");
        execution.setVariable("treatmentsRemaining", referrals.get(referralId).treatmentsRemaining());
        execution.setVariable("treatmentsGiven", sessions.treatmentsGiven(referralId));
        // R8, X1: seed 000 has the evaluation form filled in "at the end" of the (last) treatment: due by the end of
        // the session's day, or of today when the outcome is recorded later, so the task is not born overdue
        execution.setVariable("evaluationDueAt", ProcessDates.endOfDayNotBefore(
                sessions.get(ProcessVariables.id(execution, "sessionId")).getStartsAt().toLocalDate(),
                LocalDate.now(clock), properties.zone()));
        // The next session's outcome form must start empty.
        execution.removeVariable("sessionOutcome");
        execution.removeVariable("cancellationNotifiedAt");
        execution.removeVariable("outcomeNotes");
    }
}
