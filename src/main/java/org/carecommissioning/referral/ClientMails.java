package org.carecommissioning.referral;

import java.util.HashMap;
import java.util.Map;

import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.therapist.TherapistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * X2: the letters to the client about their appointments. The address is read from the service user's record
 * each time (never a process variable), so an address corrected or erased since the referral is respected, and
 * a client without one gets nothing. A failure is rethrown without the address or the SMTP server's reply (which
 * may quote it), because the engine keeps a failed job's message in its tables and history.
 */
@Component
class ClientMails {

    private static final Logger log = LoggerFactory.getLogger(ClientMails.class);

    private final TreatmentSessionService sessions;
    private final TherapistService therapists;
    private final NotificationService notifications;
    private final CareProperties properties;

    ClientMails(TreatmentSessionService sessions, TherapistService therapists, NotificationService notifications,
            CareProperties properties) {
        this.sessions = sessions;
        this.therapists = therapists;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** X2: the appointment just booked (a first booking or a new time after a cancellation). */
    void booked(Long sessionId) {
        TreatmentSession session = sessions.get(sessionId);
        send(session, "client-appointment-booked", model(session));
    }

    /** X2, R6, R7: a cancelled appointment and what happens next; a missed one (did not attend) sends nothing. */
    void cancelled(Long sessionId, boolean reschedule) {
        TreatmentSession session = sessions.get(sessionId);
        String cancellation = switch (session.getStatus()) {
            case CANCELLED_BY_CLIENT -> "at your request";
            case CANCELLED_BY_PROVIDER -> "by us. We are sorry for the inconvenience";
            default -> null;
        };
        if (cancellation == null) {
            return;
        }
        Map<String, Object> model = model(session);
        model.put("cancellation", cancellation);
        model.put("nextStep", reschedule
                ? "We will contact you to arrange a new time and e-mail you the new appointment."
                : session.isUsesTreatment()
                        ? "As it was cancelled with less than 24 hours' notice, it counts as one of your treatments (rule R6)."
                        : "Please contact us if you have any questions.");
        send(session, "client-appointment-cancelled", model);
    }

    private Map<String, Object> model(TreatmentSession session) {
        Referral referral = session.getReferral();
        Map<String, Object> model = new HashMap<>();
        model.put("serviceUserName", referral.getServiceUser().getFullName());
        model.put("referralNumber", referral.getReferralNumber());
        model.put("appointmentAt", DisplayDates.dateTime(session.getStartsAt()));
        model.put("therapistName", therapists.get(session.getTherapistId()).getFullName());
        model.put("durationMinutes", session.getDurationMinutes());
        model.put("sessionNumber", session.getSessionNumber());
        model.put("treatmentsAuthorised", referral.getTreatmentsAuthorised());
        model.put("providerName", properties.provider().name());
        return model;
    }

    private void send(TreatmentSession session, String template, Map<String, Object> model) {
        String to = session.getReferral().getServiceUser().getEmail();
        if (to == null || to.isBlank()) {
            return; // no address (none given, or erased): the coordinator phones the client instead
        }
        try {
            notifications.send(Email.of(to, template, model));
        } catch (MailException e) {
            log.warn("Could not send {} for referral {}", template, session.getReferral().getReferralNumber(), e);
            throw new IllegalStateException("The e-mail to the client of referral "
                    + session.getReferral().getReferralNumber() + " could not be sent (" + template
                    + "); the application log has the details. It is retried.");
        }
    }
}
