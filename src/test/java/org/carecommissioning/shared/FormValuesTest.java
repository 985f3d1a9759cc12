package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Form values from Camunda Forms and the REST API")
class FormValuesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Nested
    @DisplayName("dates")
    class Dates {

        @Test
        @DisplayName("R1 an ISO date is read as that date")
        void isoDate() {
            assertThat(FormValues.date("2026-11-25", "R1", "The start date")).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(FormValues.date("  2026-07-01 ", "R1", "The start date")).isEqualTo(LocalDate.of(2026, 7, 1));
        }

        @Test
        @DisplayName("R1 a date-time keeps its date part; a LocalDate passes through")
        void dateFromDateTimeAndLocalDate() {
            assertThat(FormValues.date("2026-11-25T00:00:00", "R1", "The start date"))
                    .isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(FormValues.date(LocalDate.of(2027, 2, 28), "R1", "The start date"))
                    .isEqualTo(LocalDate.of(2027, 2, 28));
        }

        @ParameterizedTest(name = "\"{0}\" -> null")
        @ValueSource(strings = {"", "   "})
        @DisplayName("R1 a blank date is null (the caller decides whether it is required)")
        void blank(String value) {
            assertThat(FormValues.date(value, "R1", "The start date")).isNull();
            assertThat(FormValues.date(null, "R1", "The start date")).isNull();
        }

        @ParameterizedTest(name = "\"{0}\" refused")
        @ValueSource(strings = {"25/11/2026", "tomorrow", "2026-02-30", "2026-13-01"})
        @DisplayName("R1 anything else is refused with a message naming the field and an example")
        void garbage(String value) {
            assertThatThrownBy(() -> FormValues.date(value, "R1", "The start date"))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R1: The start date must be a date like 2026-11-25.")
                    .extracting(e -> ((BusinessRuleViolation) e).ruleId()).isEqualTo("R1");
        }
    }

    @Nested
    @DisplayName("date-times (Europe/London)")
    class DateTimes {

        private LocalDateTime read(Object value) {
            return FormValues.dateTime(value, LONDON, "R4", "The appointment");
        }

        @Test
        @DisplayName("R4 a local date-time without offset is taken as typed, with or without seconds")
        void local() {
            assertThat(read("2026-11-25T10:00")).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
            assertThat(read("2026-11-25T10:00:00")).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
            assertThat(read(" 2026-07-01T14:30 ")).isEqualTo(LocalDateTime.of(2026, 7, 1, 14, 30));
            assertThat(read(LocalDateTime.of(2026, 7, 1, 9, 15))).isEqualTo(LocalDateTime.of(2026, 7, 1, 9, 15));
        }

        @Test
        @DisplayName("R4 UTC (Z) is GMT in winter and one hour behind London in summer (BST)")
        void utc() {
            assertThat(read("2026-11-25T10:00:00Z")).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
            assertThat(read("2026-07-01T10:00:00Z")).isEqualTo(LocalDateTime.of(2026, 7, 1, 11, 0));
            assertThat(read("2026-07-01T10:00:00.000Z")).isEqualTo(LocalDateTime.of(2026, 7, 1, 11, 0));
        }

        @Test
        @DisplayName("R4 +01:00 is London time in summer (BST) but one hour ahead of London in winter (GMT)")
        void offset() {
            assertThat(read("2026-07-01T10:00+01:00")).isEqualTo(LocalDateTime.of(2026, 7, 1, 10, 0));
            assertThat(read("2026-07-01T10:00:00+01:00")).isEqualTo(LocalDateTime.of(2026, 7, 1, 10, 0));
            assertThat(read("2026-11-25T10:00+01:00")).isEqualTo(LocalDateTime.of(2026, 11, 25, 9, 0));
            assertThat(read("2026-11-25T10:00:00+00:00")).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
            assertThat(read("2026-11-25T10:00-05:00")).isEqualTo(LocalDateTime.of(2026, 11, 25, 15, 0));
        }

        @Test
        @DisplayName("R4 the clock changes (29 March and 25 October 2026) are honoured")
        void clockChanges() {
            // clocks go forward at 01:00 UTC on 29 March 2026
            assertThat(read("2026-03-29T00:30:00Z")).isEqualTo(LocalDateTime.of(2026, 3, 29, 0, 30));
            assertThat(read("2026-03-29T01:30:00Z")).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
            // clocks go back at 01:00 UTC on 25 October 2026: both instants read 01:30 in London
            assertThat(read("2026-10-25T00:30:00Z")).isEqualTo(LocalDateTime.of(2026, 10, 25, 1, 30));
            assertThat(read("2026-10-25T01:30:00Z")).isEqualTo(LocalDateTime.of(2026, 10, 25, 1, 30));
        }

        @Test
        @DisplayName("R4 UTC without seconds (2026-11-25T10:00Z) is accepted like the +01:00 form")
        void utcWithoutSeconds() {
            assertThat(read("2026-11-25T10:00Z")).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
            assertThat(read("2026-07-01T10:00Z")).isEqualTo(LocalDateTime.of(2026, 7, 1, 11, 0));
        }

        @Test
        @DisplayName("R4 a blank date-time is null")
        void blank() {
            assertThat(read(null)).isNull();
            assertThat(read("")).isNull();
            assertThat(read("  ")).isNull();
        }

        @ParameterizedTest(name = "\"{0}\" refused")
        @ValueSource(strings = {"tomorrow at ten", "2026-11-25", "25/11/2026 10:00", "2026-11-25T25:00",
                "2026-11-25T10:00+25:00"})
        @DisplayName("R4 garbage is refused with a message naming the field and an example")
        void garbage(String value) {
            assertThatThrownBy(() -> read(value))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R4: The appointment must be a date and time like 2026-11-25T10:00.");
        }
    }

    @Nested
    @DisplayName("whole numbers")
    class Integers {

        private Integer read(Object value) {
            return FormValues.integer(value, "R3", "The number of treatments");
        }

        @Test
        @DisplayName("R3 whole numbers arrive as Integer, Long, Double or text")
        void wholeNumbers() {
            assertThat(read(4)).isEqualTo(4);
            assertThat(read(6L)).isEqualTo(6);
            assertThat(read(4.0)).isEqualTo(4);
            assertThat(read("5")).isEqualTo(5);
            assertThat(read(" 6 ")).isEqualTo(6);
            assertThat(read("1.0")).isEqualTo(1);
            assertThat(read(new BigDecimal("0"))).isEqualTo(0);
            assertThat(read(-3)).isEqualTo(-3);
        }

        @ParameterizedTest(name = "{0} refused")
        @ValueSource(doubles = {2.5, 0.1, 4.000001, 3e10})
        @DisplayName("R3 a fraction (or a number too big for an int) is refused as a whole number")
        void fractions(double value) {
            assertThatThrownBy(() -> read(value))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R3: The number of treatments must be a whole number.");
        }

        @ParameterizedTest(name = "\"{0}\" refused")
        @ValueSource(strings = {"2.5", "four", "4 treatments", "NaN", "Infinity"})
        @DisplayName("R3 text that is no whole number is refused with a readable message")
        void garbage(String value) {
            assertThatThrownBy(() -> read(value))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R3: The number of treatments must be a whole number.")
                    .extracting(e -> ((BusinessRuleViolation) e).ruleId()).isEqualTo("R3");
        }

        @Test
        @DisplayName("R3 a blank number is null")
        void blank() {
            assertThat(read(null)).isNull();
            assertThat(read("")).isNull();
            assertThat(read("   ")).isNull();
        }
    }

    @Nested
    @DisplayName("numbers, text and flags")
    class Others {

        @Test
        @DisplayName("R9 number() keeps Numbers and reads text exactly as a decimal")
        void number() {
            assertThat(FormValues.number(7.5, "R9", "The contribution")).isEqualTo(7.5);
            assertThat(FormValues.number("7.50", "R9", "The contribution")).isEqualTo(new BigDecimal("7.50"));
            assertThat(FormValues.number(" ", "R9", "The contribution")).isNull();
            assertThat(FormValues.number(null, "R9", "The contribution")).isNull();
            assertThatThrownBy(() -> FormValues.number("£7.50", "R9", "The contribution"))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R9: The contribution must be a number.");
        }

        @Test
        @DisplayName("text() trims and turns blanks into null; requiredText() refuses blanks")
        void text() {
            assertThat(FormValues.text("  Hope Community  ")).isEqualTo("Hope Community");
            assertThat(FormValues.text("   ")).isNull();
            assertThat(FormValues.text(null)).isNull();
            assertThat(FormValues.text(12)).isEqualTo("12");
            assertThat(FormValues.requiredText(" x ", "R2", "The client's name")).isEqualTo("x");
            assertThatThrownBy(() -> FormValues.requiredText("  ", "R2", "The client's name"))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("R2: The client's name is required.");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(nullValues = "NULL", value = {"true, true", "TRUE, true", " true , true", "false, false",
                "yes, false", "'', false", "NULL, false"})
        @DisplayName("flag() is true only for true")
        void flag(String value, boolean expected) {
            assertThat(FormValues.flag(value)).isEqualTo(expected);
        }

        @Test
        @DisplayName("flag() keeps a Boolean")
        void booleanFlag() {
            assertThat(FormValues.flag(Boolean.TRUE)).isTrue();
            assertThat(FormValues.flag(Boolean.FALSE)).isFalse();
        }
    }
}
