package org.carecommissioning.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Booking sessions and recording what happened to them (R1, R4-R8). */
@Service
public class TreatmentSessionService {

    private final TreatmentSessionRepository sessions;
    private final ReferralService referrals;
    private final PartnershipService partnerships;
    private final TherapistService therapists;
    private final Clock clock;

    TreatmentSessionService(TreatmentSessionRepository sessions, ReferralService referrals,
            PartnershipService partnerships, TherapistService therapists, Clock clock) {
        this.sessions = sessions;
        this.referrals = referrals;
        this.partnerships = partnerships;
        this.therapists = therapists;
        this.clock = clock;
    }

    /** R4: the therapists on the referral's project the client can choose from. */
    @Transactional(readOnly = true)
    public List<Therapist> therapistsAvailableFor(Long referralId) {
        Referral referral = referrals.get(referralId);
        return therapists.activeAmong(partnerships.get(referral.getPartnershipId()).getTherapistIds());
    }

    /**
     * R1, R4, R5: books the next treatment with a therapist of the client's choice, within the partnership's
     * term, with a therapist on the project who is qualified and insured on the day, lasting the partnership's
     * treatment length.
     */
    @Transactional
    public TreatmentSession book(Long referralId, Long therapistId, LocalDateTime startsAt, String userId) {
        Referral referral = referrals.get(referralId);
        if (referral.getStatus() != ReferralStatus.AUTHORISED) {
            throw new BusinessRuleViolation("R2", "Referral " + referral.getReferralNumber() + " is not authorised"
                    + " for treatment (it is " + referral.getStatus().name().toLowerCase() + ").");
        }
        if (referral.treatmentsRemaining() <= 0) {
            throw new BusinessRuleViolation("R6", "Every treatment authorised for referral "
                    + referral.getReferralNumber() + " has been used; the commissioning organisation pays for no more.");
        }
        if (therapistId == null) {
            throw new BusinessRuleViolation("R4", "Choose the therapist the client would like.");
        }
        if (startsAt == null) {
            throw new BusinessRuleViolation("R4", "Give the appointment date and time.");
        }
        Partnership partnership = partnerships.get(referral.getPartnershipId());
        partnerships.ensureBookable(partnership.getId(), startsAt.toLocalDate());
        if (!partnership.getTherapistIds().contains(therapistId)) {
            throw new BusinessRuleViolation("R4", "That therapist is not available on this project; choose one of"
                    + " the therapists offered.");
        }
        therapists.ensureBookable(therapistId, startsAt.toLocalDate());
        if (sessions.findByReferralIdOrderBySessionNumber(referralId).stream()
                .anyMatch(s -> s.getStatus() == SessionStatus.BOOKED)) {
            throw new BusinessRuleViolation("R4", "Referral " + referral.getReferralNumber()
                    + " already has a booked appointment; record its outcome first.");
        }
        int number = sessions.findByReferralIdOrderBySessionNumber(referralId).size() + 1;
        return sessions.save(new TreatmentSession(referral, number, therapistId, startsAt,
                partnership.getTreatmentMinutes(), userId));
    }

    /**
     * R6, R7: records what happened. Attendance and absence can be recorded only once the appointment has
     * started; a cancellation must have been notified before it. Returns the facts the cancellation-charge
     * decision table needs (a no-show counts as a client cancellation with 0 hours' notice).
     */
    @Transactional
    public OutcomeFacts recordOutcome(Long sessionId, SessionOutcome outcome, LocalDateTime cancellationNotifiedAt,
            String notes, String userId) {
        FormValues.limited(notes, ReferralLimits.OUTCOME_NOTES, "R6", "The notes on the session");
        TreatmentSession session = getBooked(sessionId);
        LocalDateTime now = LocalDateTime.now(clock);
        Long noticeMinutes = null;
        if (outcome.isCancellation()) {
            if (cancellationNotifiedAt == null) {
                throw new BusinessRuleViolation("R6", "Give the date and time the cancellation was notified, so the"
                        + " 24-hour rule can be applied.");
            }
            if (cancellationNotifiedAt.isAfter(session.getStartsAt())) {
                throw new BusinessRuleViolation("R6", "The cancellation time "
                        + DisplayDates.dateTime(cancellationNotifiedAt) + " is after the appointment at "
                        + DisplayDates.dateTime(session.getStartsAt())
                        + "; a client who did not come should be recorded as 'did not attend'.");
            }
            if (cancellationNotifiedAt.isAfter(now)) {
                throw new BusinessRuleViolation("R6", "The cancellation time "
                        + DisplayDates.dateTime(cancellationNotifiedAt)
                        + " is in the future; record a cancellation once it has been notified.");
            }
            noticeMinutes = Duration.between(cancellationNotifiedAt, session.getStartsAt()).toMinutes();
        } else {
            if (session.getStartsAt().isAfter(now)) {
                throw new BusinessRuleViolation("R6", "The appointment at "
                        + DisplayDates.dateTime(session.getStartsAt())
                        + " has not started yet; record attendance once it has taken place.");
            }
            if (outcome == SessionOutcome.NOT_ATTENDED) {
                noticeMinutes = 0L;
            }
        }
        session.recordOutcome(outcome.status(), outcome.isCancellation() ? cancellationNotifiedAt : null,
                noticeMinutes, notes, userId, now);
        if (outcome == SessionOutcome.ATTENDED) {
            // R10: a treatment given is always chargeable and uses one authorised treatment.
            applyCharge(session, true, true);
        }
        double noticeHours = noticeMinutes == null ? 0 : noticeMinutes / 60.0;
        return new OutcomeFacts(outcome.cancelledBy(), noticeHours);
    }

    /** R6, R7: applies the cancellation-charge decision to a cancelled or missed session. */
    @Transactional
    public TreatmentSession applyCancellationCharge(Long sessionId, boolean chargeable, boolean usesTreatment) {
        TreatmentSession session = get(sessionId);
        if (session.getStatus() == SessionStatus.BOOKED || session.getStatus() == SessionStatus.ATTENDED) {
            throw new IllegalStateException("Session " + sessionId + " was not cancelled or missed");
        }
        applyCharge(session, chargeable, usesTreatment);
        return session;
    }

    /** R8: the treatment diary entry after each treatment of a series. */
    @Transactional
    public TreatmentSession recordDiary(Long sessionId, String entry, Integer wellbeingScore) {
        TreatmentSession session = get(sessionId);
        if (entry == null || entry.isBlank()) {
            throw new BusinessRuleViolation("R8", "Write the treatment diary entry for this session.");
        }
        FormValues.limited(entry.trim(), ReferralLimits.DIARY_ENTRY, "R8", "The treatment diary entry");
        if (wellbeingScore != null && (wellbeingScore < 1 || wellbeingScore > 10)) {
            throw new BusinessRuleViolation("R8", "The wellbeing score runs from 1 to 10.");
        }
        session.recordDiary(entry.trim(), wellbeingScore);
        return session;
    }

    @Transactional(readOnly = true)
    public TreatmentSession get(Long sessionId) {
        return sessions.findById(sessionId)
                .orElseThrow(() -> new NotFound("No treatment session with id " + sessionId + "."));
    }

    @Transactional(readOnly = true)
    public List<TreatmentSession> sessionsOf(Long referralId) {
        return sessions.findByReferralIdOrderBySessionNumber(referralId);
    }

    /** R8: the treatments the client actually received (attended sessions). */
    @Transactional(readOnly = true)
    public long treatmentsGiven(Long referralId) {
        return sessions.findByReferralIdOrderBySessionNumber(referralId).stream()
                .filter(s -> s.getStatus() == SessionStatus.ATTENDED)
                .count();
    }

    /** R10: chargeable sessions held before a date that no invoice has listed yet. */
    @Transactional(readOnly = true)
    public List<ChargeableSession> chargeableNotInvoicedBefore(LocalDateTime before) {
        return sessions.findChargeableNotInvoicedBefore(before).stream()
                .map(ChargeableSession::of)
                .toList();
    }

    /** R10: marks sessions as listed on an invoice, so none is ever invoiced twice. */
    @Transactional
    public void markInvoiced(Collection<Long> sessionIds, Long invoiceId) {
        for (TreatmentSession session : sessions.findAllById(sessionIds)) {
            if (session.getInvoiceId() != null) {
                throw new IllegalStateException("Session " + session.getId() + " is already on an invoice");
            }
            session.invoicedBy(invoiceId);
        }
    }

    private void applyCharge(TreatmentSession session, boolean chargeable, boolean usesTreatment) {
        session.charge(chargeable, usesTreatment);
        if (usesTreatment) {
            session.getReferral().useTreatment();
        }
    }

    private TreatmentSession getBooked(Long sessionId) {
        TreatmentSession session = get(sessionId);
        if (session.getStatus() != SessionStatus.BOOKED) {
            throw new BusinessRuleViolation("R6", "The outcome of session " + session.getSessionNumber()
                    + " has already been recorded.");
        }
        return session;
    }

    /** Inputs of the cancellation-charge decision table. */
    public record OutcomeFacts(String cancelledBy, double noticeHours) {
    }

    /** A chargeable session as the invoicing capability sees it. */
    public record ChargeableSession(Long sessionId, Long commissioningOrganisationId, LocalDateTime startsAt,
            String referralNumber, SessionStatus status, int clientContributionPence) {

        static ChargeableSession of(TreatmentSession s) {
            Referral r = s.getReferral();
            return new ChargeableSession(s.getId(), r.getServiceUser().getCommissioningOrganisationId(),
                    s.getStartsAt(), r.getReferralNumber(), s.getStatus(),
                    r.getClientContributionPence() == null ? 0 : r.getClientContributionPence());
        }

        public boolean given() {
            return status == SessionStatus.ATTENDED;
        }
    }
}
