package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * U3, U6: the officer confirms every participant has a signed consent; refused (400) while no participant's consent
 * and answers are recorded. The report is due 6 weeks after the last meeting or interview.
 */
@Component
class ConsultationMeetingsDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final ConsultationDeadlines deadlines;
    private final Clock clock;

    ConsultationMeetingsDelegate(Consultations consultations, ConsultationDeadlines deadlines, Clock clock) {
        this.consultations = consultations;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        if (!variables.everyParticipantConsented()) {
            throw new BusinessRuleViolation("U3", "Confirm that every participant has a signed consent form; no one"
                    + " takes part without one.");
        }
        LocalDate last = variables.lastMeetingDate();
        if (last.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("U6", "The last meeting's date, " + last + ", is in the future; confirm"
                    + " once the meetings are held.");
        }
        consultations.requireParticipantsRecorded(variables.reference());
        variables.reportDue(deadlines.reportDueOn(last), deadlines);
    }
}
