package org.carecommissioning.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("R1 a partnership lasts 6 months from the date it is entered into")
class PartnershipTest {

    private static Partnership startingOn(LocalDate start) {
        return new Partnership("P-HOPE-1", 7L, start, 60);
    }

    @Test
    @DisplayName("R1 a new partnership is active, with its reference, organisation and treatment length")
    void newPartnership() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        assertThat(partnership.getStatus()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(partnership.getReference()).isEqualTo("P-HOPE-1");
        assertThat(partnership.getCommissioningOrganisationId()).isEqualTo(7L);
        assertThat(partnership.getTreatmentMinutes()).isEqualTo(60);
        assertThat(partnership.getStartDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(partnership.getClosedOn()).isNull();
        assertThat(Partnership.TERM_MONTHS).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} -> last day {1}")
    @CsvSource({
            "2026-07-01, 2026-12-31",
            "2026-01-01, 2026-06-30",
            "2026-04-15, 2026-10-14",
            "2026-09-01, 2027-02-28",
            "2027-09-01, 2028-02-29",   // leap year
    })
    @DisplayName("R1 the last day is the day before the same date six months later (1 Jul -> 31 Dec)")
    void endDate(LocalDate start, LocalDate lastDay) {
        assertThat(startingOn(start).getEndDate()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "{0} -> last day {1}")
    @CsvSource({
            "2026-08-31, 2027-02-28",
            "2026-08-30, 2027-02-28",
            "2026-08-29, 2027-02-28",
            "2026-03-31, 2026-09-30",
            "2026-12-31, 2027-06-30",
    })
    @DisplayName("R1 a start late in the month runs to the end of the sixth month (31 Aug -> 28 Feb)")
    void endDateAtMonthEnd(LocalDate start, LocalDate lastDay) {
        assertThat(startingOn(start).getEndDate()).isEqualTo(lastDay);
    }

    @Test
    @DisplayName("R1 treatments may be booked from the start date to the end date inclusive, not outside")
    void allowsBookingOn() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 6, 30))).as("day before start").isFalse();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 7, 1))).as("start date").isTrue();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 10, 1))).as("mid term").isTrue();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 12, 31))).as("end date").isTrue();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2027, 1, 1))).as("day after end").isFalse();
    }

    @Test
    @DisplayName("R1 no treatment may be booked on a closed partnership, even within its dates")
    void closed() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        partnership.close(LocalDate.of(2026, 9, 15), "Ended early by agreement");

        assertThat(partnership.getStatus()).isEqualTo(PartnershipStatus.CLOSED);
        assertThat(partnership.getClosedOn()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(partnership.getReviewNotes()).isEqualTo("Ended early by agreement");
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 9, 14))).isFalse();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    @DisplayName("R1 closing without notes keeps the earlier review notes")
    void closeWithoutNotes() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        partnership.extendTo(LocalDate.of(2027, 6, 30), "Extended for six months");
        partnership.close(LocalDate.of(2027, 6, 30), null);
        assertThat(partnership.getReviewNotes()).isEqualTo("Extended for six months");
    }

    @Test
    @DisplayName("R1 after an extension the new end date is bookable and the day after it is not")
    void extended() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        partnership.extendTo(LocalDate.of(2027, 6, 30), "Both sides agreed to extend");

        assertThat(partnership.getEndDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(partnership.getReviewNotes()).isEqualTo("Both sides agreed to extend");
        assertThat(partnership.getStatus()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(partnership.allowsBookingOn(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(partnership.allowsBookingOn(LocalDate.of(2027, 7, 1))).isFalse();
    }

    @Test
    @DisplayName("R4 the therapists made available are kept once each and cannot be changed from outside")
    void therapists() {
        Partnership partnership = startingOn(LocalDate.of(2026, 7, 1));
        partnership.makeTherapistAvailable(3L);
        partnership.makeTherapistAvailable(5L);
        partnership.makeTherapistAvailable(3L);
        assertThat(partnership.getTherapistIds()).containsExactlyInAnyOrder(3L, 5L);
        assertThat(partnership.getTherapistIds()).isUnmodifiable();
    }
}
