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

    /** X1: the date, or the last working day before it when it falls on a weekend or bank holiday. */
    @Transactional(readOnly = true)
    public LocalDate workingDayOnOrBefore(LocalDate date) {
        // Christmas to New Year is the longest run of non-working days (at most 4 or 5); 14 days is ample.
        var dates = holidays.findByDateBetween(date.minusDays(14), date).stream()
                .map(BankHoliday::date)
                .collect(Collectors.toSet());
        return new WorkingDays(dates).onOrBefore(date);
    }
}
