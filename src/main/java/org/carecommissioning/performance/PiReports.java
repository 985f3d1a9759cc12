package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** PI7, PI8: the quarter's reports for the Core Strategy Group and the commissioning body, as CSV. */
@Service
public class PiReports {

    /** Returns not in: awaited from the provider, or sent back to it for missing data. */
    private static final Set<ReturnStatus> NOT_IN = EnumSet.of(ReturnStatus.AWAITED, ReturnStatus.RETURNED_TO_PROVIDER);

    private final PiReturnRepository returns;
    private final ContractServices services;
    private final Clock clock;

    PiReports(PiReturnRepository returns, ContractServices services, Clock clock) {
        this.returns = returns;
        this.services = services;
        this.clock = clock;
    }

    /** PI8: every return of the quarter with its indicators, the triggers missed and where it stands. */
    @Transactional(readOnly = true)
    public String managementReport(String reportingYear, int quarter) {
        StringBuilder csv = new StringBuilder(
                "reference,service_code,service_name,status,late,KPI1,KPI2,SPI1,SPI2,SPI3,SPI4,missed_triggers\n");
        for (PiReturn r : returns.findByReportingYearAndQuarterOrderByReference(reportingYear, quarter)) {
            ContractedService service = services.get(r.getServiceId());
            csv.append(r.getReference()).append(',').append(service.getServiceCode()).append(',')
                    .append(cell(service.getName())).append(',').append(r.getStatus()).append(',')
                    .append(r.isLate() ? "yes" : "no");
            for (BigDecimal value : r.values().values()) {
                csv.append(',').append(value == null ? "" : value.stripTrailingZeros().toPlainString());
            }
            csv.append(',').append(cell(r.getBreachedIndicators() == null ? "" : r.getBreachedIndicators()
                    .replace(',', ' '))).append('\n');
        }
        return csv.toString();
    }

    /**
     * PI7: the late returns for the quarterly report: each return that became late since the last report, whatever
     * quarter it belongs to (its deadline may fall after the previous run), and every late return still not in. The
     * deadline is the one in force: a return with an agreed extension is late only once the extended deadline has
     * passed.
     */
    @Transactional(readOnly = true)
    public LateReturns lateReturnsToReport() {
        LocalDate today = LocalDate.now(clock);
        List<PiReturn> late = returns.findByLateTrueOrStatusInOrderByReference(NOT_IN).stream()
                .filter(r -> r.isLate() || (NOT_IN.contains(r.getStatus()) && ProcessDates.isLate(r.getDeadline(), today)))
                .filter(r -> r.getLateReportedOn() == null || NOT_IN.contains(r.getStatus()))
                .toList();
        StringBuilder csv = new StringBuilder(
                "reference,service_code,provider,deadline,received,lateness_reason,reporting_year,quarter\n");
        for (PiReturn r : late) {
            ContractedService service = services.get(r.getServiceId());
            csv.append(r.getReference()).append(',').append(service.getServiceCode()).append(',')
                    .append(cell(services.providerOf(service).getName())).append(',').append(r.getDeadline()).append(',')
                    .append(r.getSubmittedAt() == null ? "not received" : r.getSubmittedAt().toLocalDate()).append(',')
                    .append(cell(r.getLatenessReason() == null ? "" : r.getLatenessReason())).append(',')
                    .append(r.getReportingYear()).append(',').append(r.getQuarter()).append('\n');
        }
        return new LateReturns(late.stream().map(PiReturn::getReference).toList(), csv.toString());
    }

    /** PI7: these late returns went to the CSG and the commissioning body today; a received one is not sent again. */
    @Transactional
    public void markReported(LateReturns late) {
        LocalDate today = LocalDate.now(clock);
        for (String reference : late.references()) {
            returns.findByReference(reference).ifPresent(r -> r.lateReported(today));
        }
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    public record LateReturns(List<String> references, String csv) {

        public int count() {
            return references.size();
        }
    }
}
