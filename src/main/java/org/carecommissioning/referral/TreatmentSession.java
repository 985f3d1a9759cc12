package org.carecommissioning.referral;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One booked appointment and what became of it (R4-R8). */
@Entity
@Table(name = "treatment_session")
public class TreatmentSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "referral_id")
    private Referral referral;

    @Column(name = "session_number")
    private int sessionNumber;

    @Column(name = "therapist_id")
    private Long therapistId;

    @Column(name = "starts_at")
    private LocalDateTime startsAt;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    @Column(name = "booked_by")
    private String bookedBy;

    @Column(name = "cancellation_notified_at")
    private LocalDateTime cancellationNotifiedAt;

    @Column(name = "notice_minutes")
    private Long noticeMinutes;

    private boolean chargeable;

    @Column(name = "uses_treatment")
    private boolean usesTreatment;

    @Column(name = "outcome_notes", length = ReferralLimits.OUTCOME_NOTES)
    private String outcomeNotes;

    @Column(name = "outcome_recorded_by")
    private String outcomeRecordedBy;

    @Column(name = "outcome_recorded_at")
    private LocalDateTime outcomeRecordedAt;

    @Column(name = "diary_entry", length = ReferralLimits.DIARY_ENTRY)
    private String diaryEntry;

    @Column(name = "wellbeing_score")
    private Integer wellbeingScore;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Version
    private int version;

    protected TreatmentSession() {
    }

    TreatmentSession(Referral referral, int sessionNumber, Long therapistId, LocalDateTime startsAt,
            int durationMinutes, String bookedBy) {
        this.referral = referral;
        this.sessionNumber = sessionNumber;
        this.therapistId = therapistId;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.bookedBy = bookedBy;
        this.status = SessionStatus.BOOKED;
    }

    void recordOutcome(SessionStatus status, LocalDateTime cancellationNotifiedAt, Long noticeMinutes, String notes,
            String by, LocalDateTime at) {
        this.status = status;
        this.cancellationNotifiedAt = cancellationNotifiedAt;
        this.noticeMinutes = noticeMinutes;
        this.outcomeNotes = notes;
        this.outcomeRecordedBy = by;
        this.outcomeRecordedAt = at;
    }

    void charge(boolean chargeable, boolean usesTreatment) {
        this.chargeable = chargeable;
        this.usesTreatment = usesTreatment;
    }

    void recordDiary(String entry, Integer wellbeingScore) {
        this.diaryEntry = entry;
        this.wellbeingScore = wellbeingScore;
    }

    /** Right to erasure: the notes and health information about the person go; the chargeable facts stay. */
    void erasePersonalData() {
        this.outcomeNotes = null;
        this.diaryEntry = null;
        this.wellbeingScore = null;
    }

    void invoicedBy(Long invoiceId) {
        this.invoiceId = invoiceId;
    }

    public Long getId() {
        return id;
    }

    public Referral getReferral() {
        return referral;
    }

    public int getSessionNumber() {
        return sessionNumber;
    }

    public Long getTherapistId() {
        return therapistId;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public LocalDateTime getCancellationNotifiedAt() {
        return cancellationNotifiedAt;
    }

    public Long getNoticeMinutes() {
        return noticeMinutes;
    }

    public boolean isChargeable() {
        return chargeable;
    }

    public boolean isUsesTreatment() {
        return usesTreatment;
    }

    public String getDiaryEntry() {
        return diaryEntry;
    }

    public Integer getWellbeingScore() {
        return wellbeingScore;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }
}
