package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** X1: the one convention for deadlines "by day D" in care.zone. */
class ProcessDatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Date london(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant());
    }

    @Test
    @DisplayName("X1: a deadline on day D is due at 23:59:59 on D in London, summer and winter alike")
    void dueAtTheEndOfTheDay() {
        assertThat(ProcessDates.endOfDay(LocalDate.of(2026, 12, 31), LONDON)).isEqualTo(london("2026-12-31T23:59:59"));
        assertThat(ProcessDates.endOfDay(LocalDate.of(2027, 3, 28), LONDON)).as("the day the clocks go forward")
                .isEqualTo(london("2027-03-28T23:59:59"));
        assertThat(ProcessDates.endOfDay(LocalDate.of(2026, 7, 1), LONDON).toInstant())
                .as("23:59:59 BST is 22:59:59 UTC").hasToString("2026-07-01T22:59:59Z");
    }

    @Test
    @DisplayName("X1: a timer acting once day D is over fires at 00:00 on D+1")
    void dayOver() {
        assertThat(ProcessDates.dayOver(LocalDate.of(2026, 12, 31), LONDON)).isEqualTo(london("2027-01-01T00:00"));
        assertThat(ProcessDates.dayOver(LocalDate.of(2026, 12, 31), LONDON))
                .isAfter(ProcessDates.endOfDay(LocalDate.of(2026, 12, 31), LONDON));
    }

    @Test
    @DisplayName("X1: on day D at 18:00 is on time, D+1 at 00:01 is late")
    void lateness() {
        LocalDate deadline = LocalDate.of(2027, 1, 28);
        assertThat(ProcessDates.isLate(deadline, london("2027-01-28T18:00").toInstant(), LONDON)).isFalse();
        assertThat(ProcessDates.isLate(deadline, london("2027-01-28T23:59:59").toInstant(), LONDON)).isFalse();
        assertThat(ProcessDates.isLate(deadline, london("2027-01-29T00:01").toInstant(), LONDON)).isTrue();
        assertThat(ProcessDates.isLate(deadline, LocalDate.of(2027, 1, 28))).isFalse();
        assertThat(ProcessDates.isLate(deadline, LocalDate.of(2027, 1, 29))).isTrue();
    }

    @Test
    @DisplayName("X1: a deadline already past when the task opens is due by the end of today, never born overdue")
    void notBeforeToday() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(ProcessDates.endOfDayNotBefore(LocalDate.of(2026, 11, 2), today, LONDON))
                .isEqualTo(london("2026-11-26T23:59:59"));
        assertThat(ProcessDates.endOfDayNotBefore(LocalDate.of(2026, 11, 30), today, LONDON))
                .isEqualTo(london("2026-11-30T23:59:59"));
    }
}
