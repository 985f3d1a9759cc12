package org.carecommissioning.contractmanagement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** C1, C8: the schedule reports the contracts manager receives (X2: each sent by an asynchronous, retried step). */
@Component
class ScheduleMails {

    private final MeetingSchedule schedule;
    private final ContractServices services;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;
    private final Clock clock;
    private final List<AnnualScheduleSection> sections;

    ScheduleMails(MeetingSchedule schedule, ContractServices services, NotificationService notifications,
            ContractManagementProperties properties, Clock clock, List<AnnualScheduleSection> sections) {
        this.schedule = schedule;
        this.services = services;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.sections = List.copyOf(sections);
    }

    /** C1, C8: the previous month's meetings planned, held and the percentage kept to schedule, and the survey. */
    void monthlyReport() {
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

    /**
     * C1: each December, the next year's schedule as a CSV attachment; the sections other capabilities add (U1: the
     * service-user consultations due) follow in the same e-mail.
     */
    void annualSchedule() {
        int year = LocalDate.now(clock).getYear() + 1;
        var all = services.all();
        long red = all.stream().filter(s -> s.getPriorityLevel() == PriorityLevel.RED).count();
        StringBuilder more = new StringBuilder();
        for (AnnualScheduleSection section : sections) {
            List<String> lines = section.lines(year);
            more.append('\n').append(section.title(year)).append(":\n");
            more.append(lines.isEmpty() ? "  (none)\n" : lines.stream().map(line -> "  - " + line + "\n")
                    .collect(Collectors.joining()));
        }
        notifications.send(Email.of(properties.contractsManagerEmail(), "cmm-annual-schedule",
                        Map.of("year", year, "serviceCount", all.size(), "redCount", red, "scheduleSections",
                                more.toString()))
                .withAttachment("cmm-schedule-" + year + ".csv", "text/csv",
                        schedule.scheduleCsv(year).getBytes(StandardCharsets.UTF_8)));
    }
}
