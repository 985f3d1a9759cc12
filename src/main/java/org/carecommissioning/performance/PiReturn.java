package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.carecommissioning.shared.ProcessDates;

/** One service's quarterly PI return (PI2-PI7). */
@Entity
@Table(name = "pi_return")
public class PiReturn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "reporting_year")
    private String reportingYear;

    private int quarter;

    /** PI2: the deadline the provider was first given; {@link #getDeadline()} is the one in force. */
    private LocalDate deadline;

    /** PI7: a later deadline agreed with the provider (null when none), why, by whom and when. */
    @Column(name = "extended_deadline")
    private LocalDate extendedDeadline;

    @Column(name = "extension_reason", length = PerformanceLimits.EXTENSION_REASON)
    private String extensionReason;

    @Column(name = "extension_agreed_by")
    private String extensionAgreedBy;

    @Column(name = "extension_agreed_at")
    private LocalDateTime extensionAgreedAt;

    @Enumerated(EnumType.STRING)
    private ReturnStatus status;

    @Column(name = "workbook_version")
    private Integer workbookVersion;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "dcc_code", length = PerformanceLimits.DCC_CODE)
    private String dccCode;

    @Column(name = "units_reported")
    private Integer unitsReported;

    @Column(name = "units_change_explanation", length = PerformanceLimits.UNITS_CHANGE_EXPLANATION)
    private String unitsChangeExplanation;

    private BigDecimal kpi1;
    private BigDecimal kpi2;
    private BigDecimal spi1;
    private BigDecimal spi2;
    private BigDecimal spi3;
    private BigDecimal spi4;

    @Column(name = "local_pis", length = PerformanceLimits.LOCAL_PIS)
    private String localPis;

    @Column(name = "provider_comments", length = PerformanceLimits.PROVIDER_COMMENTS)
    private String providerComments;

    @Column(name = "breached_indicators")
    private String breachedIndicators;

    private boolean late;

    @Column(name = "lateness_reason")
    private String latenessReason;

    @Column(name = "late_reported_on")
    private LocalDate lateReportedOn;

    @Column(name = "request_to_provider")
    private String requestToProvider;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "checker_comments")
    private String checkerComments;

    @Column(name = "signed_off_at")
    private LocalDateTime signedOffAt;

    @Column(name = "manager_decision")
    private String managerDecision;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    @Version
    @Column(name = "version")
    private int rowVersion;

    protected PiReturn() {
    }

    PiReturn(String reference, Long serviceId, String reportingYear, int quarter, LocalDate deadline) {
        this.reference = reference;
        this.serviceId = serviceId;
        this.reportingYear = reportingYear;
        this.quarter = quarter;
        this.deadline = deadline;
        this.status = ReturnStatus.AWAITED;
    }

    void submit(Submission submission, int workbookVersion, String by, LocalDateTime at) {
        this.dccCode = submission.dccCode();
        this.unitsReported = submission.unitsReported();
        this.unitsChangeExplanation = submission.unitsChangeExplanation();
        Map<Indicator, BigDecimal> values = submission.values();
        this.kpi1 = values.get(Indicator.KPI1);
        this.kpi2 = values.get(Indicator.KPI2);
        this.spi1 = values.get(Indicator.SPI1);
        this.spi2 = values.get(Indicator.SPI2);
        this.spi3 = values.get(Indicator.SPI3);
        this.spi4 = values.get(Indicator.SPI4);
        this.localPis = submission.localPis();
        this.providerComments = submission.comments();
        this.workbookVersion = workbookVersion;
        this.submittedBy = by;
        this.submittedAt = at;
        // PI7, X1: late only when sent after the deadline day (judged as every deadline is, ProcessDates.isLate)
        this.late = this.late || ProcessDates.isLate(getDeadline(), at.toLocalDate());
        this.status = ReturnStatus.SUBMITTED;
    }

    /** PI7: an agreed extension; the reminder and lateness are judged against it from now on. */
    void extendDeadline(LocalDate newDeadline, String reason, String agreedBy, LocalDateTime at) {
        this.extendedDeadline = newDeadline;
        this.extensionReason = reason;
        this.extensionAgreedBy = agreedBy;
        this.extensionAgreedAt = at;
    }

    void breached(String indicators) {
        this.breachedIndicators = indicators;
    }

    void returnToProvider(String request) {
        this.requestToProvider = request;
        this.status = ReturnStatus.RETURNED_TO_PROVIDER;
    }

    void refer() {
        this.status = ReturnStatus.REFERRED;
    }

    void decideByManager(String decision) {
        this.managerDecision = decision;
    }

    void signOff(String checker, String comments, LocalDateTime at) {
        this.checkedBy = checker;
        this.checkerComments = comments;
        this.signedOffAt = at;
        this.status = ReturnStatus.SIGNED_OFF;
    }

    void lateReported(LocalDate on) {
        this.lateReportedOn = on;
    }

    void markOverdue() {
        this.late = true;
    }

    void recordLateness(String reason) {
        this.late = true;
        this.latenessReason = reason;
    }

    void recordedBy(String clerk, LocalDateTime at) {
        this.recordedBy = clerk;
        this.recordedAt = at;
        this.status = ReturnStatus.RECORDED;
    }

    public Map<Indicator, BigDecimal> values() {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        values.put(Indicator.KPI1, kpi1);
        values.put(Indicator.KPI2, kpi2);
        values.put(Indicator.SPI1, spi1);
        values.put(Indicator.SPI2, spi2);
        values.put(Indicator.SPI3, spi3);
        values.put(Indicator.SPI4, spi4);
        return values;
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

    public String getReportingYear() {
        return reportingYear;
    }

    public int getQuarter() {
        return quarter;
    }

    /** PI2, PI7: the deadline in force: the agreed extension if there is one, else the deadline first given. */
    public LocalDate getDeadline() {
        return extendedDeadline != null ? extendedDeadline : deadline;
    }

    /** PI2: the deadline the provider was first given, before any extension. */
    public LocalDate getOriginalDeadline() {
        return deadline;
    }

    public LocalDate getExtendedDeadline() {
        return extendedDeadline;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getExtensionAgreedBy() {
        return extensionAgreedBy;
    }

    public LocalDateTime getExtensionAgreedAt() {
        return extensionAgreedAt;
    }

    public ReturnStatus getStatus() {
        return status;
    }

    public Integer getWorkbookVersion() {
        return workbookVersion;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public String getDccCode() {
        return dccCode;
    }

    public Integer getUnitsReported() {
        return unitsReported;
    }

    public String getProviderComments() {
        return providerComments;
    }

    public String getBreachedIndicators() {
        return breachedIndicators;
    }

    /**
     * PI7: not in by the deadline in force (an agreed extension moves it): set when the deadline timer finds the
     * return still awaited, or when it is submitted after that deadline.
     */
    public boolean isLate() {
        return late;
    }

    public LocalDate getLateReportedOn() {
        return lateReportedOn;
    }

    public String getLatenessReason() {
        return latenessReason;
    }

    public String getRequestToProvider() {
        return requestToProvider;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public String getCheckerComments() {
        return checkerComments;
    }

    public LocalDateTime getSignedOffAt() {
        return signedOffAt;
    }

    public String getManagerDecision() {
        return managerDecision;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    /** What a provider sends: the DCC code, units, the six indicator percentages, local PIs and comments. */
    public record Submission(String dccCode, Integer unitsReported, String unitsChangeExplanation,
            Map<Indicator, BigDecimal> values, String localPis, String comments) {
    }
}
