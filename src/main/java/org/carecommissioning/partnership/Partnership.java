package org.carecommissioning.partnership;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A commissioning partnership between the provider and one commissioning organisation (R1). */
@Entity
@Table(name = "partnership")
public class Partnership {

    /** R1: a partnership lasts 6 months from the date it is entered into. */
    public static final int TERM_MONTHS = 6;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "commissioning_organisation_id")
    private Long commissioningOrganisationId;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "treatment_minutes")
    private int treatmentMinutes;

    @Enumerated(EnumType.STRING)
    private PartnershipStatus status;

    @Column(name = "review_notes")
    private String reviewNotes;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partnership_therapist", joinColumns = @JoinColumn(name = "partnership_id"))
    @Column(name = "therapist_id")
    private Set<Long> therapistIds = new HashSet<>();

    @Version
    private int version;

    protected Partnership() {
    }

    Partnership(String reference, Long commissioningOrganisationId, LocalDate startDate, int treatmentMinutes) {
        this.reference = reference;
        this.commissioningOrganisationId = commissioningOrganisationId;
        this.startDate = startDate;
        // Six months from the start date: entered into on 1 July it runs to 31 December inclusive. When the
        // six-month date is cut short by a shorter month (31 August -> 28 February) that day is already the last.
        LocalDate sixMonthsLater = startDate.plusMonths(TERM_MONTHS);
        this.endDate = sixMonthsLater.getDayOfMonth() < startDate.getDayOfMonth() ? sixMonthsLater
                : sixMonthsLater.minusDays(1);
        this.treatmentMinutes = treatmentMinutes;
        this.status = PartnershipStatus.ACTIVE;
    }

    /** Treatments may be booked on days from the start date up to and including the end date. */
    public boolean allowsBookingOn(LocalDate date) {
        return status == PartnershipStatus.ACTIVE && !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    void extendTo(LocalDate newEndDate, String notes) {
        this.endDate = newEndDate;
        this.reviewNotes = notes;
    }

    void close(LocalDate on, String notes) {
        this.status = PartnershipStatus.CLOSED;
        this.closedOn = on;
        if (notes != null) {
            this.reviewNotes = notes;
        }
    }

    void makeTherapistAvailable(Long therapistId) {
        therapistIds.add(therapistId);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getCommissioningOrganisationId() {
        return commissioningOrganisationId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public int getTreatmentMinutes() {
        return treatmentMinutes;
    }

    public PartnershipStatus getStatus() {
        return status;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getReviewNotes() {
        return reviewNotes;
    }

    public Set<Long> getTherapistIds() {
        return Set.copyOf(therapistIds);
    }
}
