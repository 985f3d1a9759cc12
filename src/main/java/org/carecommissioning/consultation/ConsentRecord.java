package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * U3, U4: one participant's signed consent form (seed 004 part 3.6, appendix 1). The consent reference is printed on
 * the participant's copy; answers and a withdrawal refer to it. The participant's and carer's names exist here and
 * nowhere else, and are erased (null) after the retention period or on withdrawal.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "consultation_id")
    private Long consultationId;

    @Column(name = "consent_reference", length = ConsultationLimits.CONSENT_REFERENCE)
    private String consentReference;

    @Column(name = "signed_by_service_user")
    private boolean signedByServiceUser;

    @Column(name = "carer_signed")
    private boolean carerSigned;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "participant_name", length = ConsultationLimits.NAME)
    private String participantName;

    @Column(name = "carer_name", length = ConsultationLimits.NAME)
    private String carerName;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    @Column(name = "withdrawal_recorded_by")
    private String withdrawalRecordedBy;

    @Column(name = "names_erased_at")
    private LocalDateTime namesErasedAt;

    protected ConsentRecord() {
    }

    ConsentRecord(Long consultationId, String consentReference, boolean carerSigned, LocalDate signedOn,
            String participantName, String carerName, String recordedBy, LocalDateTime at) {
        this.consultationId = consultationId;
        this.consentReference = consentReference;
        this.signedByServiceUser = true;
        this.carerSigned = carerSigned;
        this.signedOn = signedOn;
        this.participantName = participantName;
        this.carerName = carerName;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    void withdrawn(String by, LocalDateTime at) {
        this.withdrawnAt = at;
        this.withdrawalRecordedBy = by;
        eraseNames(at);
    }

    void eraseNames(LocalDateTime at) {
        if (participantName != null || carerName != null) {
            this.participantName = null;
            this.carerName = null;
            this.namesErasedAt = at;
        }
    }

    /** U3: answers may be recorded against this consent: signed by the service user and not withdrawn. */
    public boolean isValid() {
        return signedByServiceUser && withdrawnAt == null;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public String getConsentReference() {
        return consentReference;
    }

    public boolean isSignedByServiceUser() {
        return signedByServiceUser;
    }

    public boolean isCarerSigned() {
        return carerSigned;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public String getParticipantName() {
        return participantName;
    }

    public String getCarerName() {
        return carerName;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDateTime getRecordedAt() {
        return recordedAt;
    }

    public LocalDateTime getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalRecordedBy() {
        return withdrawalRecordedBy;
    }

    public LocalDateTime getNamesErasedAt() {
        return namesErasedAt;
    }
}
