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
}
