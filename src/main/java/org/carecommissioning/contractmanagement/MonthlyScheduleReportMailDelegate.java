package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** C1, C8: each month, the previous month's meetings planned, held and the percentage kept to schedule. */
@Component
class MonthlyScheduleReportMailDelegate implements JavaDelegate {

    private final MeetingSchedule schedule;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;
    private final Clock clock;

    MonthlyScheduleReportMailDelegate(MeetingSchedule schedule, NotificationService notifications,
            ContractManagementProperties properties, Clock clock) {
        this.schedule = schedule;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        MeetingSchedule.MonthlyReport report = schedule.monthlyReport(month);
        notifications.send(Email.of(properties.contractsManagerEmail(), "cmm-monthly-report", Map.of(
                "month", DisplayDates.month(report.month()),
                "planned", report.planned(),
                "completed", report.completed(),
                "percentage", report.percentageToSchedule(),
                "meetings", report.meetings().isEmpty() ? "(none planned)" : String.join("\n", report.meetings()),
                "feedbackSummary", schedule.feedbackSummary(month))));
    }
}
