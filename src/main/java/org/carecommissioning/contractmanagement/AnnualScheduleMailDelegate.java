package org.carecommissioning.contractmanagement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/** C1: each December, the next year's schedule as a CSV attachment. */
@Component
class AnnualScheduleMailDelegate implements JavaDelegate {

    private final MeetingSchedule schedule;
    private final ContractServices services;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;
    private final Clock clock;

    AnnualScheduleMailDelegate(MeetingSchedule schedule, ContractServices services, NotificationService notifications,
            ContractManagementProperties properties, Clock clock) {
        this.schedule = schedule;
        this.services = services;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = LocalDate.now(clock).getYear() + 1;
        var all = services.all();
        long red = all.stream().filter(s -> s.getPriorityLevel() == PriorityLevel.RED).count();
        notifications.send(Email.of(properties.contractsManagerEmail(), "cmm-annual-schedule",
                        Map.of("year", year, "serviceCount", all.size(), "redCount", red))
                .withAttachment("cmm-schedule-" + year + ".csv", "text/csv",
                        schedule.scheduleCsv(year).getBytes(StandardCharsets.UTF_8)));
    }
}
