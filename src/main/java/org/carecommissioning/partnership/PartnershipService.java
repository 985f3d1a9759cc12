package org.carecommissioning.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partnership terms (R1): entering into, extending and closing, and whether a date can be booked. */
@Service
public class PartnershipService {

    private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int MIN_TREATMENT_MINUTES = 15;
    private static final int MAX_TREATMENT_MINUTES = 180;

    private final PartnershipRepository partnerships;
    private final OrganisationService organisations;
    private final Clock clock;

    PartnershipService(PartnershipRepository partnerships, OrganisationService organisations, Clock clock) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * R1: enters into a 6-month partnership with a commissioning organisation (registered if new).
     * R5: treatments last 60 minutes unless the partnership agrees another length.
     */
    @Transactional
    public Partnership enterInto(String organisationCode, String organisationName, String organisationEmail,
            LocalDate startDate, Integer treatmentMinutes) {
        if (startDate == null) {
            throw new BusinessRuleViolation("R1", "The partnership needs a start date.");
        }
        int minutes = treatmentMinutes == null ? 60 : treatmentMinutes;
        if (minutes < MIN_TREATMENT_MINUTES || minutes > MAX_TREATMENT_MINUTES) {
            throw new BusinessRuleViolation("R5", "A treatment lasts between " + MIN_TREATMENT_MINUTES + " and "
                    + MAX_TREATMENT_MINUTES + " minutes; 60 minutes unless the partnership agrees otherwise.");
        }
        Organisation organisation = organisations.registerCommissioningOrganisation(
                organisationCode, organisationName, organisationEmail);
        for (Partnership live : partnerships.findByCommissioningOrganisationIdAndStatus(
                organisation.getId(), PartnershipStatus.ACTIVE)) {
            if (!startDate.isAfter(live.getEndDate())) {
                throw new BusinessRuleViolation("R1", organisation.getName() + " already has partnership "
                        + live.getReference() + " running until " + live.getEndDate()
                        + "; extend it at its review instead of entering into a new one.");
            }
        }
        String reference = "P-" + organisation.getCode() + "-" + REFERENCE_DATE.format(startDate);
        return partnerships.save(new Partnership(reference, organisation.getId(), startDate, minutes));
    }

    /** R1: at the review both sides may extend the partnership to a new end date. */
    @Transactional
    public Partnership extend(Long partnershipId, LocalDate newEndDate, String notes) {
        Partnership partnership = get(partnershipId);
        if (partnership.getStatus() != PartnershipStatus.ACTIVE) {
            throw new BusinessRuleViolation("R1", "Partnership " + partnership.getReference() + " is closed.");
        }
        if (newEndDate == null || !newEndDate.isAfter(partnership.getEndDate())) {
            throw new BusinessRuleViolation("R1", "To extend partnership " + partnership.getReference()
                    + " give a new end date after its current end date " + partnership.getEndDate() + ".");
        }
        partnership.extendTo(newEndDate, notes);
        return partnership;
    }

    /** R1: the partnership ends; nothing more can be booked under it. */
    @Transactional
    public Partnership close(Long partnershipId, String notes) {
        Partnership partnership = get(partnershipId);
        if (partnership.getStatus() == PartnershipStatus.ACTIVE) {
            partnership.close(LocalDate.now(clock), notes);
        }
        return partnership;
    }

    @Transactional
    public void makeTherapistAvailable(Long partnershipId, Long therapistId) {
        get(partnershipId).makeTherapistAvailable(therapistId);
    }

    /** R1: refuses a booking date outside the partnership's term or after it has closed. */
    @Transactional(readOnly = true)
    public void ensureBookable(Long partnershipId, LocalDate appointmentDate) {
        Partnership partnership = get(partnershipId);
        if (partnership.getStatus() != PartnershipStatus.ACTIVE) {
            throw new BusinessRuleViolation("R1", "Partnership " + partnership.getReference()
                    + " has ended; no treatment can be booked under it.");
        }
        // R1, X1: the last day itself is bookable; judged as every deadline is (ProcessDates.isLate)
        if (ProcessDates.isLate(partnership.getEndDate(), appointmentDate)) {
            throw new BusinessRuleViolation("R1", "The appointment on "
                    + DisplayDates.date(appointmentDate) + " is after the partnership ends on "
                    + DisplayDates.date(partnership.getEndDate())
                    + "; book a date on or before the end date.");
        }
        if (appointmentDate.isBefore(partnership.getStartDate())) {
            throw new BusinessRuleViolation("R1", "The appointment on "
                    + DisplayDates.date(appointmentDate) + " is before the partnership starts on "
                    + DisplayDates.date(partnership.getStartDate()) + ".");
        }
    }

    /** R1: the partnership has not been closed and its end date has not passed. */
    @Transactional(readOnly = true)
    public boolean isLive(Long partnershipId) {
        Partnership partnership = get(partnershipId);
        return partnership.getStatus() == PartnershipStatus.ACTIVE
                && !ProcessDates.isLate(partnership.getEndDate(), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Partnership get(Long partnershipId) {
        return partnerships.findById(partnershipId)
                .orElseThrow(() -> new NotFound("No partnership with id " + partnershipId + "."));
    }

    @Transactional(readOnly = true)
    public Optional<Partnership> findByReference(String reference) {
        return partnerships.findByReference(reference);
    }

    /** The organisation's live partnership on a date, if any (the latest-ending when several are active). */
    @Transactional(readOnly = true)
    public Optional<Partnership> activePartnershipOf(Long organisationId, LocalDate on) {
        return partnerships.findByCommissioningOrganisationIdAndStatus(organisationId, PartnershipStatus.ACTIVE)
                .stream()
                .filter(p -> p.allowsBookingOn(on))
                .max(Comparator.comparing(Partnership::getEndDate));
    }
}
