package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * U4: a complaint raised from adverse feedback, or a safeguarding concern, from a consultation's answers; each is
 * escalated by one consultation-escalation process whose business key is the reference. The description is kept
 * here only. An anonymous complaint has no consent reference; no row ever names a person. When its task is completed
 * the concern is closed with its outcome (V18 migration).
 */
@Entity
@Table(name = "consultation_concern")
public class ConsultationConcern {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "consultation_id")
    private Long consultationId;

    @Enumerated(EnumType.STRING)
    private ConcernKind kind;

    @Enumerated(EnumType.STRING)
    private ComplaintChoice complaint;

    @Column(name = "consent_reference", length = ConsultationLimits.CONSENT_REFERENCE)
    private String consentReference;

    @Column(length = ConsultationLimits.CONCERN)
    private String description;

    @Column(name = "raised_by")
    private String raisedBy;

    @Column(name = "raised_at")
    private LocalDateTime raisedAt;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private ConcernOutcome outcome;

    @Column(name = "outcome_note", length = ConsultationLimits.OUTCOME_NOTE)
    private String outcomeNote;

    @Column(name = "acted_on")
    private LocalDate actedOn;

    @Column(name = "complaint_case_reference", length = ConsultationLimits.COMPLAINT_CASE_REFERENCE)
    private String complaintCaseReference;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    protected ConsultationConcern() {
    }

    ConsultationConcern(String reference, Long consultationId, ConcernKind kind, ComplaintChoice complaint,
            String consentReference, String description, String raisedBy, LocalDateTime raisedAt, LocalDate dueOn) {
        this.reference = reference;
        this.consultationId = consultationId;
        this.kind = kind;
        this.complaint = complaint;
        this.consentReference = consentReference;
        this.description = description;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.dueOn = dueOn;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public ConcernKind getKind() {
        return kind;
    }

    public ComplaintChoice getComplaint() {
        return complaint;
    }

    public String getConsentReference() {
        return consentReference;
    }

    public String getDescription() {
        return description;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public LocalDateTime getRaisedAt() {
        return raisedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    /** U4: what was done about it, once its escalation task is completed; null while open. */
    public ConcernOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    /** U4: the day the safeguarding action was taken or the complaint handed to the complaints procedure. */
    public LocalDate getActedOn() {
        return actedOn;
    }

    public String getComplaintCaseReference() {
        return complaintCaseReference;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return outcome != null;
    }

    /** U4: closes the concern with what was done (checked by ConsultationConcerns.recordOutcome). */
    void close(ConcernOutcome outcome, String outcomeNote, LocalDate actedOn, String complaintCaseReference,
            String closedBy, LocalDateTime closedAt) {
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.actedOn = actedOn;
        this.complaintCaseReference = complaintCaseReference;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }
}
