package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * U3, U6: the officer confirms every participant has a signed consent; refused (400) while no participant's consent
 * and answers are recorded, and for a last meeting before the earliest date the notice allowed. The report is due 6
 * weeks after the last meeting or interview. U5: whether adverse comments were made (the officer's word, or a
 * complaint raised) decides whether the contracts manager is asked about more interviews.
 */
@Component
class ConsultationMeetingsDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final ConsultationReports reports;
    private final ConsultationDeadlines deadlines;
    private final Clock clock;

    ConsultationMeetingsDelegate(Consultations consultations, ConsultationReports reports,
            ConsultationDeadlines deadlines, Clock clock) {
        this.consultations = consultations;
        this.reports = reports;
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
        LocalDate earliest = variables.earliestMeetingDate();
        if (last.isBefore(earliest)) {
            boolean shortNotice = consultations.get(variables.reference()).getShortNoticeReason() != null;
            throw new BusinessRuleViolation("U3", "A meeting on " + last + " gives the service users less notice than"
                    + " rule U3 allows: " + (shortNotice ? "5 working days for the ongoing concerns recorded"
                    : "one month, as no short-notice reason (ongoing concerns) was recorded when the approach was"
                    + " agreed") + "; the earliest date the provider was given is " + earliest + ".");
        }
        variables.adverseComments(reports.meetingsHeld(variables.reference(), variables.adverseCommentsSaid()));
        variables.reportDue(deadlines.reportDueOn(last), deadlines);
    }
}
