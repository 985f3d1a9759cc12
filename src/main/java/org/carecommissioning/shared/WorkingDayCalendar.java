package org.carecommissioning.shared;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working days for deadlines (X1), skipping the England-and-Wales bank holidays held in table bank_holiday. */
@Service
public class WorkingDayCalendar {

    private final BankHolidayRepository holidays;

    WorkingDayCalendar(BankHolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Transactional(readOnly = true)
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        // Two calendar days per working day comfortably covers weekends and clustered holidays.
        LocalDate horizon = start.plusDays(workingDays * 2L + 14);
        var dates = holidays.findByDateBetween(start, horizon).stream()
                .map(BankHoliday::date)
                .collect(Collectors.toSet());
        return new WorkingDays(dates).plusWorkingDays(start, workingDays);
    }
}
