package org.carecommissioning.performance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * PI7, PI8: the management report of the quarter before last (whose returns were due last month) and the report of
 * every return late since the last run, e-mailed to the Core Strategy Group and the commissioning body. Should the
 * mail fail, the job's transaction rolls back and the returns stay unreported for the retry.
 */
@Component("quarterlyReportsMailDelegate")
class QuarterlyReportsMailDelegate implements JavaDelegate {

    private final PiReports reports;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;
    private final Clock clock;

    QuarterlyReportsMailDelegate(PiReports reports, NotificationService notifications,
            ContractManagementProperties properties, Clock clock) {
        this.reports = reports;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Runs a month into a quarter: report on the quarter that ended before it.
        LocalDate inReportedQuarter = LocalDate.now(clock).withDayOfMonth(1).minusMonths(2);
        int monthsIntoYear = (inReportedQuarter.getMonthValue() + 8) % 12;
        int startYear = inReportedQuarter.getMonthValue() >= 4 ? inReportedQuarter.getYear() : inReportedQuarter.getYear() - 1;
        String year = new ReportingYear(startYear).toString();
        int quarter = monthsIntoYear / 3 + 1;
        PiReports.LateReturns late = reports.lateReturnsToReport();
        String management = reports.managementReport(year, quarter);
        for (String to : List.of(properties.csgEmail(), properties.commissioningBodyEmail())) {
            notifications.send(Email.of(to, "pi-quarterly-reports", Map.of("reportingYear", year, "quarter", quarter,
                            "lateCount", late.count()))
                    .withAttachment("pi-management-report-" + startYear + "Q" + quarter + ".csv", "text/csv",
                            management.getBytes(StandardCharsets.UTF_8))
                    .withAttachment("pi-late-returns-" + startYear + "Q" + quarter + ".csv", "text/csv",
                            late.csv().getBytes(StandardCharsets.UTF_8)));
        }
        reports.markReported(late);
        execution.setVariable("reportedQuarter", year + " Q" + quarter);
    }
}
