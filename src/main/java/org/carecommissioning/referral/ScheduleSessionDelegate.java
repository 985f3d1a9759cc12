package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
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
        ReferralVariables variables = ReferralVariables.of(execution);
        TreatmentSession session = sessions.book(variables.referralId(), variables.therapistId(),
                variables.appointmentAt(properties.zone()), CurrentUser.of(execution));
        Therapist booked = therapists.get(session.getTherapistId());
        variables.booked(session, booked.getFullName(), booked.getUserId(), LocalDate.now(clock), properties.zone());
    }
}
