package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** R1, R4, R5: books the session chosen on the booking form, or refuses it with the reason. */
@Component("scheduleSessionDelegate")
class ScheduleSessionDelegate implements JavaDelegate {

    private final TreatmentSessionService sessions;
    private final TherapistService therapists;
    private final CareProperties properties;
    private final Clock clock;

    ScheduleSessionDelegate(TreatmentSessionService sessions, TherapistService therapists, CareProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.therapists = therapists;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object therapist = execution.getVariable("therapistId");
        TreatmentSession session = sessions.book(
                ProcessVariables.id(execution, "referralId"),
                therapist == null || therapist.toString().isBlank() ? null : Long.valueOf(therapist.toString()),
                FormValues.dateTime(execution.getVariable("appointmentAt"), properties.zone(), "R4",
                        "The appointment time"),
                CurrentUser.of(execution));
        Therapist booked = therapists.get(session.getTherapistId());
        execution.setVariable("sessionId", session.getId());
        execution.setVariable("sessionNumber", session.getSessionNumber());
        execution.setVariable("appointmentAt", session.getStartsAt().toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        execution.setVariable("appointmentAtText", DisplayDates.dateTime(session.getStartsAt()));
        // R6, R7, X1: the outcome is recorded by the end of the session's day; a session entered after it took place
        // is due by the end of today instead, so the task is not born overdue (the booking was simply late)
        execution.setVariable("sessionEndsAt", ProcessDates.endOfDayNotBefore(session.getStartsAt().toLocalDate(),
                LocalDate.now(clock), properties.zone()));
        execution.setVariable("therapistName", booked.getFullName());
        execution.setVariable("therapistUserId", booked.getUserId());
    }
}
