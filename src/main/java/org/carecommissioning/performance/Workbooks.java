package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PI1: each service's workbook contract page per reporting year is locked once issued. A change makes a new
 * version (V2, V3...); once quarters have been returned the change takes effect from a stated date.
 */
@Service
public class Workbooks {

    private final WorkbookRepository workbooks;
    private final PiReturnRepository returns;
    private final ContractServices services;
    private final Clock clock;

    Workbooks(WorkbookRepository workbooks, PiReturnRepository returns, ContractServices services, Clock clock) {
        this.workbooks = workbooks;
        this.returns = returns;
        this.services = services;
        this.clock = clock;
    }

    @Transactional
    public Workbook issue(String serviceCode, String year, ContractPage page, LocalDate effectiveFrom, String reason,
            String userId) {
        ContractedService service = services.byCode(serviceCode);
        ReportingYear reportingYear = ReportingYear.parse(year);
        validate(page);
        FormValues.limited(reason == null ? null : reason.trim(), PerformanceLimits.CHANGE_REASON, "PI1",
                "The reason for the change");
        FormValues.plausibleDate(effectiveFrom, "PI1", "The date the change takes effect");
        Optional<Workbook> current = current(service.getId(), reportingYear.toString());
        if (current.isEmpty()) {
            return workbooks.save(new Workbook(service.getId(), reportingYear.toString(), 1, page,
                    reportingYear.firstDay(), null, userId, LocalDateTime.now(clock)));
        }
        if (current.get().page().sameAs(page)) {
            throw new BusinessRuleViolation("PI1", "The contract page is unchanged; it stays locked as "
                    + current.get().versionLabel() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("PI1", "Say why the locked contract page changes.");
        }
        boolean quartersReturned = returns.existsByServiceIdAndReportingYearAndSubmittedAtIsNotNull(service.getId(),
                reportingYear.toString());
        LocalDate from = effectiveFrom;
        if (quartersReturned && from == null) {
            throw new BusinessRuleViolation("PI1", "Quarters of " + reportingYear + " are already returned: state the"
                    + " date from which the change takes effect.");
        }
        if (from == null) {
            from = reportingYear.firstDay();
        }
        if (from.isBefore(reportingYear.firstDay()) || from.isAfter(reportingYear.lastDay())) {
            throw new BusinessRuleViolation("PI1", "The change must take effect within " + reportingYear + ".");
        }
        return workbooks.save(new Workbook(service.getId(), reportingYear.toString(), current.get().getVersion() + 1,
                page, from, reason.trim(), userId, LocalDateTime.now(clock)));
    }

    @Transactional(readOnly = true)
    public Optional<Workbook> current(Long serviceId, String reportingYear) {
        return workbooks.findFirstByServiceIdAndReportingYearOrderByVersionDesc(serviceId, reportingYear);
    }

    private static void validate(ContractPage page) {
        if (page.dccCode() == null || page.dccCode().isBlank()) {
            throw new BusinessRuleViolation("PI2", "The year's DCC authorisation code is required.");
        }
        FormValues.limited(page.dccCode(), PerformanceLimits.DCC_CODE, "PI2", "The DCC code");
        FormValues.limited(page.administeringAuthority(), PerformanceLimits.ADMINISTERING_AUTHORITY, "PI1",
                "The administering authority");
        FormValues.limited(page.contractManager(), PerformanceLimits.CONTRACT_MANAGER, "PI1", "The contract manager");
        if (page.units() < 0) {
            throw new BusinessRuleViolation("PI1", "Units cannot be negative.");
        }
        if (!"UNDER_2".equals(page.plannedDuration()) && !"OVER_2".equals(page.plannedDuration())) {
            throw new BusinessRuleViolation("PI1", "Planned duration is UNDER_2 or OVER_2 years.");
        }
        for (BigDecimal hours : new BigDecimal[] {page.frontLineHours(), page.managementHours(), page.otherHours()}) {
            if (hours == null || hours.signum() < 0) {
                throw new BusinessRuleViolation("PI1", "Staffing hours (front-line, management, other) are required"
                        + " and cannot be negative.");
            }
            if (hours.compareTo(PerformanceLimits.MAX_HOURS) > 0
                    || hours.stripTrailingZeros().scale() > PerformanceLimits.HOURS_DECIMALS) {
                throw new BusinessRuleViolation("PI1", "Staffing hours are at most " + PerformanceLimits.MAX_HOURS
                        .toPlainString() + ", with at most " + PerformanceLimits.HOURS_DECIMALS + " decimals.");
            }
        }
    }
}
