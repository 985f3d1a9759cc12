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
import jakarta.persistence.Version;

/**
 * One consultation of one contracted service's users for a financial year (U1), with its approach: method, number of
 * users, the consultation-sample-size decision's minimum and the agreed sample (U2). No participant is named here.
 */
@Entity
@Table(name = "consultation")
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "financial_year")
    private String financialYear;

    /** U1: the financial year the consultation was postponed from (procurement review), null when not postponed. */
    @Column(name = "postponed_from")
    private String postponedFrom;

    @Enumerated(EnumType.STRING)
    private ConsultationStatus status;

    @Enumerated(EnumType.STRING)
    private ConsultationMethod method;

    @Column(name = "service_users")
    private Integer serviceUsers;

    @Column(name = "minimum_to_contact")
    private Integer minimumToContact;

    @Column(name = "questionnaires_only")
    private Boolean questionnairesOnly;

    @Column(name = "sample_size")
    private Integer sampleSize;

    @Column(name = "sample_reason", length = ConsultationLimits.SAMPLE_REASON)
    private String sampleReason;

    @Column(name = "planned_by")
    private String plannedBy;

    @Column(name = "planned_on")
    private LocalDate plannedOn;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private LocalDateTime proposedAt;

    @Column(name = "agreed_by")
    private String agreedBy;

    @Column(name = "agreed_at")
    private LocalDateTime agreedAt;

    @Column(name = "report_issued_on")
    private LocalDate reportIssuedOn;

    @Column(name = "names_erased_on")
    private LocalDate namesErasedOn;

    @Column(name = "short_notice_reason", length = ConsultationLimits.SHORT_NOTICE_REASON)
    private String shortNoticeReason;

    @Column(name = "report_headline", length = ConsultationLimits.REPORT_HEADLINE)
    private String reportHeadline;

    @Column(name = "report_text", length = ConsultationLimits.REPORT)
    private String reportText;

    @Column(name = "report_adverse")
    private Boolean reportAdverse;

    @Column(name = "report_written_by")
    private String reportWrittenBy;

    @Column(name = "report_written_at")
    private LocalDateTime reportWrittenAt;

    /** U6: the version of the report under approval, counted up each time it is written (V16). */
    @Column(name = "report_version")
    private Integer reportVersion;

    /** U5: how many more service users the contracts manager approved interviewing, in all (V16). */
    @Column(name = "sample_grown_by")
    private Integer sampleGrownBy;

    @Column(name = "sample_grown_reason", length = ConsultationLimits.SAMPLE_REASON)
    private String sampleGrownReason;

    @Column(name = "sample_grown_by_user")
    private String sampleGrownByUser;

    @Column(name = "sample_grown_at")
    private LocalDateTime sampleGrownAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "version")
    private int rowVersion;

    protected Consultation() {
    }

    Consultation(String reference, Long serviceId, String financialYear, String postponedFrom, String plannedBy,
            LocalDateTime at) {
        this.reference = reference;
        this.serviceId = serviceId;
        this.financialYear = financialYear;
        this.postponedFrom = postponedFrom;
        this.status = ConsultationStatus.PLANNED;
        this.plannedBy = plannedBy;
        this.plannedOn = at.toLocalDate();
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** U1: the service's procurement review falls in the planned year: the consultation moves to {@code year}. */
    void postponedTo(String year, LocalDateTime at) {
        if (this.postponedFrom == null) {
            this.postponedFrom = this.financialYear;
        }
        this.financialYear = year;
        this.updatedAt = at;
    }

    void proposed(ConsultationMethod proposedMethod, int users, int minimum, boolean onlyQuestionnaires,
            int proposedSample, String by, LocalDateTime at) {
        this.method = proposedMethod;
        this.serviceUsers = users;
        this.minimumToContact = minimum;
        this.questionnairesOnly = onlyQuestionnaires;
        this.sampleSize = proposedSample;
        this.proposedBy = by;
        this.proposedAt = at;
        this.status = ConsultationStatus.APPROACH_PROPOSED;
        this.updatedAt = at;
    }

    void agreed(ConsultationMethod agreedMethod, int sample, String reason, String by, LocalDateTime at) {
        this.method = agreedMethod;
        this.sampleSize = sample;
        this.sampleReason = reason;
        this.agreedBy = by;
        this.agreedAt = at;
        this.status = ConsultationStatus.APPROACH_AGREED;
        this.updatedAt = at;
    }

    /** U3: meetings are arranged at 5 working days' notice for {@code reason} (ongoing concerns). */
    void shortNotice(String reason, LocalDateTime at) {
        this.shortNoticeReason = reason;
        this.updatedAt = at;
    }

    /** U6: the officer's report (again, when it was sent back): headline, text, whether it holds adverse findings. */
    void reportWritten(String headline, String text, boolean adverse, String by, LocalDateTime at) {
        this.reportHeadline = headline;
        this.reportText = text;
        this.reportAdverse = adverse;
        this.reportWrittenBy = by;
        this.reportWrittenAt = at;
        this.reportVersion = getReportVersion() + 1;
        this.updatedAt = at;
    }

    /** U5: after adverse comments the contracts manager approved interviewing {@code more} service users. */
    void sampleGrown(int more, String reason, String by, LocalDateTime at) {
        this.sampleSize = this.sampleSize + more;
        this.sampleGrownBy = getSampleGrownBy() + more;
        this.sampleGrownReason = reason;
        this.sampleGrownByUser = by;
        this.sampleGrownAt = at;
        this.updatedAt = at;
    }

    void reportIssued(LocalDate on, LocalDateTime at) {
        this.reportIssuedOn = on;
        this.status = ConsultationStatus.REPORT_ISSUED;
        this.updatedAt = at;
    }

    void namesErased(LocalDate on, LocalDateTime at) {
        this.namesErasedOn = on;
        this.updatedAt = at;
    }

    public boolean isOpen() {
        return status.isOpen();
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

    public String getPostponedFrom() {
        return postponedFrom;
    }

    public boolean isPostponed() {
        return postponedFrom != null;
    }

    public ConsultationStatus getStatus() {
        return status;
    }

    public ConsultationMethod getMethod() {
        return method;
    }

    public Integer getServiceUsers() {
        return serviceUsers;
    }

    public Integer getMinimumToContact() {
        return minimumToContact;
    }

    public boolean isQuestionnairesOnly() {
        return Boolean.TRUE.equals(questionnairesOnly);
    }

    public Integer getSampleSize() {
        return sampleSize;
    }

    public String getSampleReason() {
        return sampleReason;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public LocalDate getPlannedOn() {
        return plannedOn;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public LocalDateTime getProposedAt() {
        return proposedAt;
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public LocalDateTime getAgreedAt() {
        return agreedAt;
    }

    public LocalDate getReportIssuedOn() {
        return reportIssuedOn;
    }

    public LocalDate getNamesErasedOn() {
        return namesErasedOn;
    }

    public String getShortNoticeReason() {
        return shortNoticeReason;
    }

    public String getReportHeadline() {
        return reportHeadline;
    }

    public String getReportText() {
        return reportText;
    }

    /** U6: the report holds adverse comments or complaints (false until a report is written). */
    public boolean isReportAdverse() {
        return Boolean.TRUE.equals(reportAdverse);
    }

    public String getReportWrittenBy() {
        return reportWrittenBy;
    }

    public LocalDateTime getReportWrittenAt() {
        return reportWrittenAt;
    }

    /** U6: the version of the report under approval; 0 before it is first written. */
    public int getReportVersion() {
        return reportVersion == null ? 0 : reportVersion;
    }

    /** U5: how many service users were added to the sample after adverse comments; 0 when none. */
    public int getSampleGrownBy() {
        return sampleGrownBy == null ? 0 : sampleGrownBy;
    }

    public String getSampleGrownReason() {
        return sampleGrownReason;
    }

    public String getSampleGrownByUser() {
        return sampleGrownByUser;
    }

    public LocalDateTime getSampleGrownAt() {
        return sampleGrownAt;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
