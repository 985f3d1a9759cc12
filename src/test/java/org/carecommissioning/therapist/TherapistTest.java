package org.carecommissioning.therapist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R4 a therapist is bookable only while qualified and insured")
class TherapistTest {

    private static final LocalDate QUALIFIED_UNTIL = LocalDate.of(2026, 12, 31);
    private static final LocalDate INSURED_UNTIL = LocalDate.of(2026, 9, 30);

    private final Therapist therapist =
            new Therapist("Sam Therapist", "sam@example.org", "sam", QUALIFIED_UNTIL, INSURED_UNTIL);

    @Test
    @DisplayName("R4 the qualification is valid up to and including its until-date, not the day after")
    void qualification() {
        assertThat(therapist.isQualifiedOn(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(therapist.isQualifiedOn(QUALIFIED_UNTIL.minusDays(1))).isTrue();
        assertThat(therapist.isQualifiedOn(QUALIFIED_UNTIL)).isTrue();
        assertThat(therapist.isQualifiedOn(QUALIFIED_UNTIL.plusDays(1))).isFalse();
    }

    @Test
    @DisplayName("R4 the insurance is valid up to and including its until-date, not the day after")
    void insurance() {
        assertThat(therapist.isInsuredOn(INSURED_UNTIL.minusDays(1))).isTrue();
        assertThat(therapist.isInsuredOn(INSURED_UNTIL)).isTrue();
        assertThat(therapist.isInsuredOn(INSURED_UNTIL.plusDays(1))).isFalse();
        // the two dates are independent: qualified but no longer insured on 1 October
        assertThat(therapist.isQualifiedOn(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(therapist.isInsuredOn(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    @DisplayName("R4 renewed credentials make later dates bookable")
    void renewal() {
        therapist.renewCredentials(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 9, 30));
        assertThat(therapist.isQualifiedOn(LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(therapist.isQualifiedOn(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(therapist.isInsuredOn(LocalDate.of(2027, 9, 30))).isTrue();
        assertThat(therapist.isInsuredOn(LocalDate.of(2027, 10, 1))).isFalse();
    }

    @Test
    @DisplayName("a new therapist is active and keeps their details")
    void details() {
        assertThat(therapist.isActive()).isTrue();
        assertThat(therapist.getFullName()).isEqualTo("Sam Therapist");
        assertThat(therapist.getEmail()).isEqualTo("sam@example.org");
        assertThat(therapist.getUserId()).isEqualTo("sam");
        assertThat(therapist.getQualificationValidUntil()).isEqualTo(QUALIFIED_UNTIL);
        assertThat(therapist.getInsuranceValidUntil()).isEqualTo(INSURED_UNTIL);
    }
}
