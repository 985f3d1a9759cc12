package org.carecommissioning.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * The quarterly QAF report (CSV and PDF) e-mailed to the contracts manager, for the CSG and the Provider Working
 * Group: the financial year the day before the run falls in, so the 1 April run reports the whole year just ended.
 */
@Component
class QafReportMailDelegate implements JavaDelegate {

    private final QafReports reports;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;
    private final Clock clock;

    QafReportMailDelegate(QafReports reports, NotificationService notifications, ContractManagementProperties properties,
            Clock clock) {
        this.reports = reports;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafYear year = QafYear.of(LocalDate.now(clock).minusDays(1));
        QafReports.Report report = reports.report(year);
        Map<String, Object> model = Map.of("financialYear", year.toString(),
                "qafIssuedCount", report.returns().issued(),
                "qafOnTimeCount", report.returns().onTime(),
                "qafVisitCount", report.visits(),
                "qafDGradeCount", report.dGrades().size());
        String name = "qaf-report-" + year.fileName();
        notifications.send(Email.of(properties.contractsManagerEmail(), "qaf-report", model)
                .withAttachment(name + ".csv", "text/csv", reports.csvBytes(report))
                .withAttachment(name + ".pdf", "application/pdf", reports.pdf(report)));
        execution.setVariable("reportedYear", year.toString());
    }
}
