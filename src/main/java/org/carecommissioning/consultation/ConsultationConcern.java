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
 * here only. An anonymous complaint has no consent reference; no row ever names a person.
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
}
