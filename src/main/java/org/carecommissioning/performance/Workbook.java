package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** PI1: one locked version of a service's workbook contract page for a reporting year. Never edited. */
@Entity
@Table(name = "pi_workbook")
public class Workbook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "reporting_year")
    private String reportingYear;

    private int version;

    @Column(name = "dcc_code", length = PerformanceLimits.DCC_CODE)
    private String dccCode;

    @Column(name = "administering_authority", length = PerformanceLimits.ADMINISTERING_AUTHORITY)
    private String administeringAuthority;

    private int units;

    @Column(name = "planned_duration")
    private String plannedDuration;

    @Column(name = "out_of_hours_cover")
    private boolean outOfHoursCover;

    @Column(name = "contract_manager", length = PerformanceLimits.CONTRACT_MANAGER)
    private String contractManager;

    @Column(name = "front_line_hours")
    private BigDecimal frontLineHours;

    @Column(name = "management_hours")
    private BigDecimal managementHours;

    @Column(name = "other_hours")
    private BigDecimal otherHours;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "change_reason", length = PerformanceLimits.CHANGE_REASON)
    private String changeReason;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Workbook() {
    }

    Workbook(Long serviceId, String reportingYear, int version, ContractPage page, LocalDate effectiveFrom,
            String changeReason, String createdBy, LocalDateTime createdAt) {
        this.serviceId = serviceId;
        this.reportingYear = reportingYear;
        this.version = version;
        this.dccCode = page.dccCode();
        this.administeringAuthority = page.administeringAuthority();
        this.units = page.units();
        this.plannedDuration = page.plannedDuration();
        this.outOfHoursCover = page.outOfHoursCover();
        this.contractManager = page.contractManager();
        this.frontLineHours = page.frontLineHours();
        this.managementHours = page.managementHours();
        this.otherHours = page.otherHours();
        this.effectiveFrom = effectiveFrom;
        this.changeReason = changeReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public ContractPage page() {
        return new ContractPage(dccCode, administeringAuthority, units, plannedDuration, outOfHoursCover,
                contractManager, frontLineHours, managementHours, otherHours);
    }

    /** "V2", "V3"...; the first version is plain. */
    public String versionLabel() {
        return "V" + version;
    }

    public Long getServiceId() {
        return serviceId;
    }

    public String getReportingYear() {
        return reportingYear;
    }

    public int getVersion() {
        return version;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public String getChangeReason() {
        return changeReason;
    }
}
