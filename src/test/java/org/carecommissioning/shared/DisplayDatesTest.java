package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tasklist 4: one readable British date format")
class DisplayDatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    @DisplayName("Tasklist 4: a date reads 'Wed 30 Dec 2026', day first, no ISO dashes")
    void date() {
        assertThat(DisplayDates.date(LocalDate.of(2026, 12, 30))).isEqualTo("Wed 30 Dec 2026");
        assertThat(DisplayDates.date(LocalDate.of(2027, 1, 4))).isEqualTo("Mon 4 Jan 2027");
    }

    @Test
    @DisplayName("Tasklist 4: a date and time reads 'Wed 12 Aug 2026, 10:30', never with a literal T")
    void dateTime() {
        assertThat(DisplayDates.dateTime(LocalDateTime.of(2026, 8, 12, 10, 30))).isEqualTo("Wed 12 Aug 2026, 10:30");
        assertThat(DisplayDates.dateTime(LocalDateTime.of(2026, 8, 12, 14, 5))).isEqualTo("Wed 12 Aug 2026, 14:05");
    }

    @Test
    @DisplayName("Tasklist 4: every month is three letters (no 'Sept')")
    void september() {
        assertThat(DisplayDates.date(LocalDate.of(2026, 9, 16))).isEqualTo("Wed 16 Sep 2026");
    }

    @Test
    @DisplayName("Tasklist 4: an instant is shown as London wall-clock time (British Summer Time included)")
    void instantInCareZone() {
        assertThat(DisplayDates.dateTime(Instant.parse("2026-08-12T09:30:00Z"), LONDON)).isEqualTo("Wed 12 Aug 2026, 10:30");
        assertThat(DisplayDates.date(Date.from(Instant.parse("2026-12-30T23:30:00Z")), LONDON)).isEqualTo("Wed 30 Dec 2026");
    }

    @Test
    @DisplayName("Tasklist 4: a report's month is written out: 'January 2027'")
    void month() {
        assertThat(DisplayDates.month(java.time.YearMonth.of(2027, 1))).isEqualTo("January 2027");
    }

    @Test
    @DisplayName("Tasklist 4: no date gives no text, so a mail template refuses it instead of printing a gap")
    void noDate() {
        assertThat(DisplayDates.date((LocalDate) null)).isNull();
        assertThat(DisplayDates.dateTime((LocalDateTime) null)).isNull();
    }
}
