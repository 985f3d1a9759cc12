package org.carecommissioning.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One QAF issued for one contracted service and financial year (Q2), with its seven objectives (Q1). */
@Entity
@Table(name = "qaf_return")
public class QafReturn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "financial_year")
    private String financialYear;

    @Enumerated(EnumType.STRING)
    private QafVariant variant;

    /** Q2: the contract management meeting the QAF is for. */
    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    /** Q2: due back 6 weeks before the meeting. */
    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "issued_by")
    private String issuedBy;

    @Enumerated(EnumType.STRING)
    private QafStatus status;

    @Column(length = QafLimits.SUMMARY)
    private String summary;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    /** Q5: the uniform draw in [0, 100) made once, when the self-assessment first came in. */
    @Column(name = "sample_draw", precision = 7, scale = 4)
    private BigDecimal sampleDraw;

    /** Q2: the day the non-return was recorded as a contract compliance issue (null when returned in time). */
    @Column(name = "non_return_recorded_on")
    private LocalDate nonReturnRecordedOn;

    @Column(name = "request_for_evidence", length = QafLimits.REQUEST_FOR_EVIDENCE)
    private String requestForEvidence;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private LocalDateTime reviewedAt;

    @Column(name = "concerns_raised")
    private Boolean concernsRaised;

    @Column(name = "in_procurement_review")
    private Boolean inProcurementReview;

    @Column(name = "validation_visit")
    private Boolean validationVisit;

    @Column(name = "validation_reason", length = 30)
    private String validationReason;

    @Column(name = "visit_date")
    private LocalDate visitDate;

    @Column(name = "visit_findings", length = QafLimits.VISIT_FINDINGS)
    private String visitFindings;

    @Column(name = "visited_by")
    private String visitedBy;

    @Column(name = "agreed_by")
    private String agreedBy;

    @Column(name = "agreed_at")
    private LocalDateTime agreedAt;

    /** Q7: the last day the provider may disagree with the grades it was last told. */
    @Column(name = "response_due_on")
    private LocalDate responseDueOn;

    @Column(name = "appeal_evidence", length = QafLimits.APPEAL_EVIDENCE)
    private String appealEvidence;

    @Column(name = "appealed_at")
    private LocalDateTime appealedAt;

    @Column(name = "reconsidered_by")
    private String reconsideredBy;

    @Column(name = "reconsidered_at")
    private LocalDateTime reconsideredAt;

    @Column(name = "final_visit_ordered")
    private Boolean finalVisitOrdered;

    @Column(name = "final_visit_findings", length = QafLimits.VISIT_FINDINGS)
    private String finalVisitFindings;

    @Column(name = "final_decision_note", length = QafLimits.FINAL_DECISION_NOTE)
    private String finalDecisionNote;

    @Column(name = "final_decision_by")
    private String finalDecisionBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_route", length = 20)
    private FinalRoute finalRoute;

    @Column(name = "finalised_at")
    private LocalDateTime finalisedAt;

    @Column(name = "swift_entered_on")
    private LocalDate swiftEnteredOn;

    @Column(name = "swift_entered_by")
    private String swiftEnteredBy;

    @Column(name = "plan_due_on")
    private LocalDate planDueOn;

    @Column(name = "improvement_plan", length = QafLimits.IMPROVEMENT_PLAN)
    private String improvementPlan;

    @Column(name = "plan_submitted_by")
    private String planSubmittedBy;

    @Column(name = "plan_submitted_at")
    private LocalDateTime planSubmittedAt;

    @Column(name = "plan_officer_review", length = QafLimits.PLAN_NOTE)
    private String planOfficerReview;

    @Column(name = "plan_officer_reviewed_by")
    private String planOfficerReviewedBy;

    @Column(name = "plan_manager_review", length = QafLimits.PLAN_NOTE)
    private String planManagerReview;

    @Column(name = "plan_manager_reviewed_by")
    private String planManagerReviewedBy;

    @Column(name = "improvement_validation_on")
    private LocalDate improvementValidationOn;

    private Boolean improved;

    @Column(name = "improvement_findings", length = QafLimits.PLAN_NOTE)
    private String improvementFindings;

    @Column(name = "improvement_validated_by")
    private String improvementValidatedBy;

    @Column(name = "default_notice")
    private Boolean defaultNotice;

    @Column(name = "default_notice_reason", length = QafLimits.PLAN_NOTE)
    private String defaultNoticeReason;

    @Column(name = "default_notice_decided_by")
    private String defaultNoticeDecidedBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "version")
    private int rowVersion;

    /** Q1: always read with the return: seven small rows, and the mails and forms need them outside a transaction. */
    @OneToMany(mappedBy = "qafReturn", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("objective")
    private List<ObjectiveAssessment> objectives = new ArrayList<>();

    protected QafReturn() {
    }

    QafReturn(String reference, Long serviceId, String financialYear, QafVariant variant, LocalDate meetingDate,
            LocalDate issuedOn, LocalDate dueOn, String issuedBy, LocalDateTime at) {
        this.reference = reference;
        this.serviceId = serviceId;
        this.financialYear = financialYear;
        this.variant = variant;
        this.meetingDate = meetingDate;
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
        this.issuedBy = issuedBy;
        this.status = QafStatus.ISSUED;
        this.createdAt = at;
        this.updatedAt = at;
        for (CoreObjective objective : CoreObjective.values()) {
            objectives.add(new ObjectiveAssessment(this, objective));
        }
    }

    void submit(String summaryText, String by, LocalDateTime at, BigDecimal draw) {
        this.summary = summaryText;
        this.submittedBy = by;
        this.submittedAt = at;
        if (this.sampleDraw == null) {
            this.sampleDraw = draw;
        }
        this.status = QafStatus.SUBMITTED;
        this.updatedAt = at;
    }

    void returnForEvidence(String request, String by, LocalDateTime at) {
        this.requestForEvidence = request;
        this.reviewedBy = by;
        this.status = QafStatus.RETURNED_FOR_EVIDENCE;
        this.updatedAt = at;
    }

    void reviewed(boolean concerns, boolean procurementReview, String by, LocalDateTime at) {
        this.concernsRaised = concerns;
        this.inProcurementReview = procurementReview;
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.status = QafStatus.REVIEWED;
        this.updatedAt = at;
    }

    void validationDecided(boolean visit, String reason, LocalDateTime at) {
        this.validationVisit = visit;
        this.validationReason = reason;
        this.updatedAt = at;
    }

    void visitPlanned(LocalDate date, LocalDateTime at) {
        this.visitDate = date;
        this.status = QafStatus.VISIT_PLANNED;
        this.updatedAt = at;
    }

    void visited(String findings, String by, LocalDateTime at) {
        this.visitFindings = findings;
        this.visitedBy = by;
        this.status = QafStatus.VISITED;
        this.updatedAt = at;
    }

    void agreed(String by, LocalDateTime at) {
        this.agreedBy = by;
        this.agreedAt = at;
        this.status = QafStatus.AGREED;
        this.updatedAt = at;
    }

    void nonReturnRecorded(LocalDate on, LocalDateTime at) {
        if (this.nonReturnRecordedOn == null) {
            this.nonReturnRecordedOn = on;
        }
        this.updatedAt = at;
    }

    /** Q7: how the grades became final. */
    public enum FinalRoute {
        /** The provider accepted them. */
        ACCEPTED,
        /** The provider did not answer by the response deadline: accepted. */
        NO_RESPONSE,
        /** The contracts manager's final decision. */
        FINAL_DECISION
    }

    /** Q2: the meeting of a QAF still awaited moved: its meeting and due date move with it. */
    void meetingMoved(LocalDate newMeetingDate, LocalDate newDueOn) {
        this.meetingDate = newMeetingDate;
        this.dueOn = newDueOn;
    }

    void told(LocalDate respondBy, LocalDateTime at) {
        this.responseDueOn = respondBy;
        this.updatedAt = at;
    }

    void disagreed(String evidence, QafStatus next, LocalDateTime at) {
        this.appealEvidence = evidence;
        this.appealedAt = at;
        this.status = next;
        this.updatedAt = at;
    }

    void reconsidered(String by, LocalDate respondBy, LocalDateTime at) {
        this.reconsideredBy = by;
        this.reconsideredAt = at;
        this.responseDueOn = respondBy;
        this.status = QafStatus.RECONSIDERED;
        this.updatedAt = at;
    }

    void finalVisitOrdered(LocalDateTime at) {
        this.finalVisitOrdered = true;
        this.updatedAt = at;
    }

    void finalVisited(String findings, LocalDateTime at) {
        this.finalVisitFindings = findings;
        this.updatedAt = at;
    }

    void finalDecision(String note, String by) {
        this.finalDecisionNote = note;
        this.finalDecisionBy = by;
    }

    void finalised(FinalRoute route, LocalDate planDue, LocalDateTime at) {
        this.finalRoute = route;
        this.finalisedAt = at;
        this.planDueOn = planDue;
        this.status = QafStatus.FINAL;
        this.updatedAt = at;
    }

    void enteredOnSwift(LocalDate on, String by, LocalDateTime at) {
        this.swiftEnteredOn = on;
        this.swiftEnteredBy = by;
        this.updatedAt = at;
    }

    void planSubmitted(String plan, String by, LocalDate validateOn, LocalDateTime at) {
        this.improvementPlan = plan;
        this.planSubmittedBy = by;
        this.planSubmittedAt = at;
        this.improvementValidationOn = validateOn;
        this.updatedAt = at;
    }

    void planReviewedByOfficer(String review, String by, LocalDateTime at) {
        this.planOfficerReview = review;
        this.planOfficerReviewedBy = by;
        this.updatedAt = at;
    }

    void planReviewedByManager(String review, String by, LocalDateTime at) {
        this.planManagerReview = review;
        this.planManagerReviewedBy = by;
        this.updatedAt = at;
    }

    void improvementValidated(boolean better, String findings, String by, LocalDateTime at) {
        this.improved = better;
        this.improvementFindings = findings;
        this.improvementValidatedBy = by;
        this.updatedAt = at;
    }

    void defaultNoticeDecided(boolean issue, String reason, String by, LocalDateTime at) {
        this.defaultNotice = issue;
        this.defaultNoticeReason = reason;
        this.defaultNoticeDecidedBy = by;
        this.updatedAt = at;
    }

    /** Q8: whether any objective's agreed (once final, final) grade is D. */
    public boolean hasDGrade() {
        return objectives.stream().anyMatch(o -> o.getAgreedGrade() == QafGrade.D);
    }

    /** Q1: the row of one objective. */
    public ObjectiveAssessment objective(CoreObjective objective) {
        return objectives.stream().filter(o -> o.getObjective() == objective).findFirst().orElseThrow();
    }

    public List<ObjectiveAssessment> getObjectives() {
        return Collections.unmodifiableList(objectives);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getServiceId() {
        return serviceId;
    }

    public String getFinancialYear() {
        return financialYear;
    }

    public QafVariant getVariant() {
        return variant;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public QafStatus getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public BigDecimal getSampleDraw() {
        return sampleDraw;
    }

    public LocalDate getNonReturnRecordedOn() {
        return nonReturnRecordedOn;
    }

    public String getRequestForEvidence() {
        return requestForEvidence;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public LocalDateTime getReviewedAt() {
        return reviewedAt;
    }

    public boolean isConcernsRaised() {
        return Boolean.TRUE.equals(concernsRaised);
    }

    public boolean isInProcurementReview() {
        return Boolean.TRUE.equals(inProcurementReview);
    }

    public Boolean getValidationVisit() {
        return validationVisit;
    }

    public String getValidationReason() {
        return validationReason;
    }

    public LocalDate getVisitDate() {
        return visitDate;
    }

    public String getVisitFindings() {
        return visitFindings;
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public LocalDateTime getAgreedAt() {
        return agreedAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public LocalDate getResponseDueOn() {
        return responseDueOn;
    }

    public LocalDate getSwiftEnteredOn() {
        return swiftEnteredOn;
    }

    public LocalDate getPlanDueOn() {
        return planDueOn;
    }

    public LocalDate getImprovementValidationOn() {
        return improvementValidationOn;
    }

    public String getAppealEvidence() {
        return appealEvidence;
    }

    public String getReconsideredBy() {
        return reconsideredBy;
    }

    public String getFinalVisitFindings() {
        return finalVisitFindings;
    }

    public String getFinalDecisionNote() {
        return finalDecisionNote;
    }

    public String getFinalDecisionBy() {
        return finalDecisionBy;
    }

    public String getSwiftEnteredBy() {
        return swiftEnteredBy;
    }

    public String getImprovementPlan() {
        return improvementPlan;
    }

    public String getPlanSubmittedBy() {
        return planSubmittedBy;
    }

    public String getPlanOfficerReview() {
        return planOfficerReview;
    }

    public String getPlanOfficerReviewedBy() {
        return planOfficerReviewedBy;
    }

    public String getPlanManagerReview() {
        return planManagerReview;
    }

    public String getPlanManagerReviewedBy() {
        return planManagerReviewedBy;
    }

    public String getImprovementFindings() {
        return improvementFindings;
    }

    public String getImprovementValidatedBy() {
        return improvementValidatedBy;
    }

    public String getDefaultNoticeReason() {
        return defaultNoticeReason;
    }

    public String getDefaultNoticeDecidedBy() {
        return defaultNoticeDecidedBy;
    }

    public LocalDateTime getAppealedAt() {
        return appealedAt;
    }

    public LocalDateTime getReconsideredAt() {
        return reconsideredAt;
    }

    public LocalDateTime getFinalisedAt() {
        return finalisedAt;
    }

    public LocalDateTime getPlanSubmittedAt() {
        return planSubmittedAt;
    }

    public Boolean getFinalVisitOrdered() {
        return finalVisitOrdered;
    }

    public Boolean getImproved() {
        return improved;
    }

    public Boolean getDefaultNotice() {
        return defaultNotice;
    }

    public FinalRoute getFinalRoute() {
        return finalRoute;
    }
}
