package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hole 5: over-large, non-finite and impossible values become a caseworker's refusal, never an arithmetic error. */
class InputBoundsTest {

    @Test
    @DisplayName("Hole 5: R9 amounts like 1e308, 1e400, NaN or infinity are refused as amounts, not overflowed")
    void hugeAmounts() {
        for (Number pounds : new Number[] {1e308, new BigDecimal("1e400"), Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Money.poundsToPence(pounds, "The amount paid")).as(String.valueOf(pounds))
                    .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("R9: The amount paid");
        }
        assertThat(Money.poundsToPence(new BigDecimal("999999999999"), "The amount")).isEqualTo(99999999999900L);
    }

    @Test
    @DisplayName("Hole 5: number() refuses non-finite and absurdly large numbers")
    void hugeNumbers() {
        for (Object value : new Object[] {1e308, "1e400", Double.NaN, "Infinity", Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> FormValues.number(value, "R9", "The contribution")).as(String.valueOf(value))
                    .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("R9: The contribution");
        }
        assertThat(FormValues.number(2500, "R9", "The contribution")).isEqualTo(2500);
    }

    @Test
    @DisplayName("Hole 5: dates outside 1900-2199 are refused naming the range")
    void impossibleDates() {
        assertThatThrownBy(() -> FormValues.date(LocalDate.of(999_999_999, 12, 31), "R1", "The start date"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("1900-01-01 and 2199-12-31");
        assertThatThrownBy(() -> FormValues.plausibleDate(LocalDate.MIN, "C1", "The due date"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("check the year");
        assertThatThrownBy(() -> FormValues.date("1899-12-31", "R1", "The start date"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("1900-01-01 and 2199-12-31");
        assertThat(FormValues.date("2199-12-31", "R1", "The start date")).isEqualTo(LocalDate.of(2199, 12, 31));
    }

    @Test
    @DisplayName("Hole 5: limited() names the field, its length and its limit; the caseworker's message puts the rule last")
    void limitedText() {
        assertThat(FormValues.limited("abc", 3, "R2", "The name")).isEqualTo("abc");
        assertThatThrownBy(() -> FormValues.limited("abcd", 3, "R2", "The name"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R2: The name is 4 characters long; the limit is 3 characters. Shorten it.")
                .extracting(e -> ((BusinessRuleViolation) e).caseworkerMessage())
                .isEqualTo("The name is 4 characters long; the limit is 3 characters. Shorten it. (R2)");
    }

    @Test
    @DisplayName("Hole 5: the cause chain tells a broken rule and a refused value from a server fault, and spots leaks")
    void causes() {
        var violation = new BusinessRuleViolation("R3", "Say it.");
        assertThat(ErrorCauses.businessRule(new RuntimeException("wrapped", violation))).contains(violation);
        var tooLong = new java.sql.SQLDataException("Value too long", "22001");
        assertThat(ErrorCauses.isDataRefusal(new RuntimeException(tooLong))).isTrue();
        assertThat(ErrorCauses.isDataRefusal(new RuntimeException(new java.sql.SQLException("down", "08001")))).isFalse();
        assertThat(ErrorCauses.involvesDatabase(new RuntimeException(new java.sql.SQLException("down", "08001")))).isTrue();
        assertThat(ErrorCauses.leaks("could not execute statement [insert into referral (a) values (?)]")).isTrue();
        assertThat(ErrorCauses.leaks("A treatment plan is a one-off treatment (1).")).isFalse();
    }
}
