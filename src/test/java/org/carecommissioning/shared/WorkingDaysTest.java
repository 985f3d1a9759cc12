package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days skip weekends and England-and-Wales bank holidays (RULES "Time words", P3, X1). */
@DisplayName("Working days (weekends and England-and-Wales bank holidays skipped)")
class WorkingDaysTest {

    /** GOV.UK England and Wales bank holidays 2026, plus New Year's Day 2027. */
    private static final Set<LocalDate> ENGLAND_AND_WALES_2026 = Set.of(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1));

    private final WorkingDays calendar = new WorkingDays(ENGLAND_AND_WALES_2026);

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
            "2026-12-21, true",   // Monday
            "2026-12-24, true",   // Thursday, Christmas Eve is no bank holiday
            "2026-12-25, false",  // Christmas Day (Friday)
            "2026-12-26, false",  // Saturday (Boxing Day, substitute on Monday 28th)
            "2026-12-27, false",  // Sunday
            "2026-12-28, false",  // Boxing Day (substitute day)
            "2026-12-29, true",
            "2027-01-01, false",  // New Year's Day
            "2026-08-31, false",  // Summer bank holiday
            "2026-04-03, false",  // Good Friday
            "2026-04-06, false",  // Easter Monday
            "2026-04-07, true",
    })
    @DisplayName("weekends and bank holidays are not working days")
    void isWorkingDay(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2027-01-08, 2027-01-08",  // a working day stays
            "2027-01-10, 2027-01-08",  // Sunday -> Friday
            "2027-01-09, 2027-01-08",  // Saturday -> Friday
            "2026-12-28, 2026-12-24",  // Boxing Day substitute, weekend, Christmas Day -> Thursday 24 December
            "2027-01-01, 2026-12-31",  // New Year's Day -> Thursday 31 December
    })
    @DisplayName("X1 a date counted back from a meeting onto a weekend or bank holiday moves to the working day before")
    void onOrBefore(LocalDate date, LocalDate expected) {
        assertThat(calendar.onOrBefore(date)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a Friday plus one working day is the next Monday")
    void weekendSkipped() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 18), 1)).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    @DisplayName("Christmas Day, the weekend and the Boxing Day substitute Monday are skipped")
    void bankHolidaysSkipped() {
        // Thursday 24 Dec + 1: Fri 25 (holiday), Sat, Sun, Mon 28 (holiday) -> Tuesday 29 Dec
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Thursday 31 Dec + 1: Fri 1 Jan is a holiday -> Monday 4 Jan
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    @DisplayName("without the holiday data only weekends are skipped (the holidays really come from the data)")
    void onlyWeekendsWithoutHolidays() {
        WorkingDays noHolidays = new WorkingDays(Set.of());
        assertThat(noHolidays.plusWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(noHolidays.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    }

    @Test
    @DisplayName("zero working days is the start date itself, even on a weekend or holiday")
    void zeroWorkingDays() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 23), 0)).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 26), 0)).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 25));
    }

    @Test
    @DisplayName("P3 28 working days across Christmas and New Year")
    void twentyEightWorkingDaysAcrossChristmas() {
        // Dec: 2-4 (3), 7-11 (8), 14-18 (13), 21-24 (17), 29-31 (20); Jan: 4-8 (25), 11-13 (28)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 1), 28)).isEqualTo(LocalDate.of(2027, 1, 13));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 10), 28)).isEqualTo(LocalDate.of(2027, 1, 22));
        // without the three holidays it would be three working days earlier
        assertThat(new WorkingDays(Set.of()).plusWorkingDays(LocalDate.of(2026, 12, 1), 28))
                .isEqualTo(LocalDate.of(2027, 1, 8));
    }

    @Test
    @DisplayName("a negative number of working days is refused")
    void negativeRefused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workingDays must not be negative");
    }

    @Test
    @DisplayName("the holiday set is copied: changing the caller's set later changes nothing")
    void holidaysCopied() {
        Set<LocalDate> holidays = new TreeSet<>(Set.of(LocalDate.of(2026, 12, 25)));
        WorkingDays copy = new WorkingDays(holidays);
        holidays.clear();
        assertThat(copy.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    @DisplayName("the bank-holiday data (Flyway V2) holds the GOV.UK 2026 England-and-Wales dates")
    void migrationHoldsTheRealDates() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V2__bank_holidays_england_and_wales.sql")) {
            assertThat(in).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<LocalDate> in2026 = new TreeSet<>();
        Matcher dates = Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})'").matcher(sql);
        while (dates.find()) {
            LocalDate date = LocalDate.parse(dates.group(1));
            if (date.getYear() == 2026) {
                in2026.add(date);
            }
        }
        Set<LocalDate> expected = new TreeSet<>(ENGLAND_AND_WALES_2026);
        expected.remove(LocalDate.of(2027, 1, 1));
        assertThat(in2026).containsExactlyElementsOf(expected);
    }
}
