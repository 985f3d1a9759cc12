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

/** A referral of one service user under a partnership, and the treatments authorised for it (R2-R8). */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "referral_number")
    private String referralNumber;

    @Column(name = "partnership_id")
    private Long partnershipId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "service_user_id")
    private ServiceUser serviceUser;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    @Column(name = "referral_reason", length = ReferralLimits.REFERRAL_REASON)
    private String referralReason;

    @Column(name = "referred_by")
    private String referredBy;

    @Column(name = "referred_at")
    private LocalDateTime referredAt;

    @Column(name = "authorised_by")
    private String authorisedBy;

    @Column(name = "authorised_at")
    private LocalDateTime authorisedAt;

    @Column(name = "decline_reason", length = ReferralLimits.DECLINE_REASON)
    private String declineReason;

    @Column(name = "treatments_authorised")
    private Integer treatmentsAuthorised;

    @Column(name = "plan_type")
    private String planType;

    @Column(name = "diary_after_each_treatment")
    private Boolean diaryAfterEachTreatment;

    @Column(name = "final_form")
    private String finalForm;

    @Column(name = "client_contribution_pence")
    private Integer clientContributionPence;

    @Column(name = "treatments_used")
    private int treatmentsUsed;

    @Column(name = "evaluation_form")
    private String evaluationForm;

    @Column(name = "evaluation_declined")
    private Boolean evaluationDeclined;

    @Column(name = "evaluation_rating")
    private Integer evaluationRating;

    @Column(name = "evaluation_would_recommend")
    private Boolean evaluationWouldRecommend;

    @Column(name = "evaluation_comments", length = ReferralLimits.EVALUATION_COMMENTS)
    private String evaluationComments;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Version
    private int version;

    protected Referral() {
    }

    Referral(String referralNumber, Long partnershipId, ServiceUser serviceUser, String referralReason,
            String referredBy, LocalDateTime referredAt) {
        this.referralNumber = referralNumber;
        this.partnershipId = partnershipId;
        this.serviceUser = serviceUser;
        this.referralReason = referralReason;
        this.referredBy = referredBy;
        this.referredAt = referredAt;
        this.status = ReferralStatus.REFERRED;
    }

    void authorise(String by, LocalDateTime at, int treatments, String planType, boolean diary, String finalForm,
            int clientContributionPence) {
        this.status = ReferralStatus.AUTHORISED;
        this.authorisedBy = by;
        this.authorisedAt = at;
        this.treatmentsAuthorised = treatments;
        this.planType = planType;
        this.diaryAfterEachTreatment = diary;
        this.finalForm = finalForm;
        this.clientContributionPence = clientContributionPence;
    }

    void decline(String by, LocalDateTime at, String reason) {
        this.status = ReferralStatus.DECLINED;
        this.authorisedBy = by;
        this.declineReason = reason;
        this.closedAt = at;
    }

    void useTreatment() {
        this.treatmentsUsed++;
    }

    void recordEvaluation(String form, boolean declined, Integer rating, Boolean wouldRecommend, String comments) {
        this.evaluationForm = form;
        this.evaluationDeclined = declined;
        this.evaluationRating = rating;
        this.evaluationWouldRecommend = wouldRecommend;
        this.evaluationComments = comments;
    }

    /**
     * Right to erasure: removes what was written about the person (reasons, evaluation answers). What finance
     * needs stays: number, dates, status, treatments authorised and used, the client's contribution.
     */
    void erasePersonalData() {
        this.referralReason = null;
        this.declineReason = null;
        this.evaluationRating = null;
        this.evaluationWouldRecommend = null;
        this.evaluationComments = null;
    }

    void complete(LocalDateTime at) {
        this.status = ReferralStatus.COMPLETED;
        this.closedAt = at;
    }

    void lapse(LocalDateTime at) {
        this.status = ReferralStatus.LAPSED;
        this.closedAt = at;
    }

    public int treatmentsRemaining() {
        return treatmentsAuthorised == null ? 0 : treatmentsAuthorised - treatmentsUsed;
    }

    /** R9: the commissioning organisation pays the treatment cost less the client's contribution. */
    public int commissionerSharePence(int treatmentCostPence) {
        return treatmentCostPence - (clientContributionPence == null ? 0 : clientContributionPence);
    }

    public Long getId() {
        return id;
    }

    public String getReferralNumber() {
        return referralNumber;
    }

    public Long getPartnershipId() {
        return partnershipId;
    }

    public ServiceUser getServiceUser() {
        return serviceUser;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public String getReferralReason() {
        return referralReason;
    }

    public String getReferredBy() {
        return referredBy;
    }

    public String getAuthorisedBy() {
        return authorisedBy;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Integer getTreatmentsAuthorised() {
        return treatmentsAuthorised;
    }

    public String getPlanType() {
        return planType;
    }

    public Boolean getDiaryAfterEachTreatment() {
        return diaryAfterEachTreatment;
    }

    public String getFinalForm() {
        return finalForm;
    }

    public Integer getClientContributionPence() {
        return clientContributionPence;
    }

    public int getTreatmentsUsed() {
        return treatmentsUsed;
    }

    public String getEvaluationForm() {
        return evaluationForm;
    }

    public Boolean getEvaluationDeclined() {
        return evaluationDeclined;
    }

    public Integer getEvaluationRating() {
        return evaluationRating;
    }

    public String getEvaluationComments() {
        return evaluationComments;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }
}
