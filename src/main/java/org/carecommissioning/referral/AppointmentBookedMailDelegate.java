package org.carecommissioning.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** X2: tells the therapist about the appointment booked with them. */
@Component("appointmentBookedMailDelegate")
class AppointmentBookedMailDelegate implements JavaDelegate {

    private final TreatmentSessionService sessions;
    private final TherapistService therapists;
    private final NotificationService notifications;

    AppointmentBookedMailDelegate(TreatmentSessionService sessions, TherapistService therapists,
            NotificationService notifications) {
        this.sessions = sessions;
        this.therapists = therapists;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TreatmentSession session = sessions.get(ReferralVariables.of(execution).sessionId());
        Therapist therapist = therapists.get(session.getTherapistId());
        Referral referral = session.getReferral();
        notifications.send(Email.of(therapist.getEmail(), "appointment-booked", Map.of(
                "therapistName", therapist.getFullName(),
                "serviceUserName", referral.getServiceUser().getFullName(),
                "referralNumber", referral.getReferralNumber(),
                "appointmentAt", DisplayDates.dateTime(session.getStartsAt()),
                "durationMinutes", session.getDurationMinutes(),
                "sessionNumber", session.getSessionNumber(),
                "treatmentsAuthorised", referral.getTreatmentsAuthorised())));
    }
}
