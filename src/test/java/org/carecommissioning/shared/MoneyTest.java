package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("R9 money is held in pence, never in floating point")
class MoneyTest {

    private static final String LABEL = "The client's contribution";

    @Test
    @DisplayName("R9 whole and half pounds convert to exact pence")
    void poundsToPence() {
        assertThat(Money.poundsToPence(7.5, LABEL)).isEqualTo(750L);
        assertThat(Money.poundsToPence(7, LABEL)).isEqualTo(700L);
        assertThat(Money.poundsToPence(0, LABEL)).isEqualTo(0L);
        assertThat(Money.poundsToPence(20, LABEL)).isEqualTo(2000L);
        assertThat(Money.poundsToPence(20L, LABEL)).isEqualTo(2000L);
        assertThat(Money.poundsToPence(new BigDecimal("7.50"), LABEL)).isEqualTo(750L);
        assertThat(Money.poundsToPence(new BigDecimal("20.000"), LABEL)).isEqualTo(2000L);
    }

    @ParameterizedTest(name = "{0} pounds (double) -> {1} pence")
    @CsvSource({
            "5.1, 510",
            "0.1, 10",
            "0.3, 30",
            "0.29, 29",
            "1.15, 115",
            "4.35, 435",    // 4.35 * 100 is 434.99999999999994 in double arithmetic
            "19.99, 1999",
            "0.07, 7",
            "2.5, 250",
    })
    @DisplayName("R9 doubles from forms and JSON convert without binary rounding errors")
    void doubles(double pounds, long pence) {
        assertThat(Money.poundsToPence(Double.valueOf(pounds), LABEL)).isEqualTo(pence);
    }

    @Test
    @DisplayName("R9 a float converts by its decimal text, not its binary value")
    void floats() {
        assertThat(Money.poundsToPence(Float.valueOf(5.1f), LABEL)).isEqualTo(510L);
    }

    @ParameterizedTest(name = "{0} refused")
    @CsvSource({"7.505", "0.001", "19.999"})
    @DisplayName("R9 fractions of a penny are refused, never rounded")
    void fractionsOfAPennyRefused(String pounds) {
        assertThatThrownBy(() -> Money.poundsToPence(new BigDecimal(pounds), LABEL))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R9: The client's contribution must be in pounds and pence, for example 7.50.");
        assertThatThrownBy(() -> Money.poundsToPence(Double.valueOf(pounds), LABEL))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    @DisplayName("R9 a computed double such as 0.1 + 0.2 is not silently rounded")
    void computedDoubleRefused() {
        assertThatThrownBy(() -> Money.poundsToPence(0.1 + 0.2, LABEL))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("pounds and pence");
    }

    @Test
    @DisplayName("R9 a missing amount is refused with the field's label")
    void nullRefused() {
        assertThatThrownBy(() -> Money.poundsToPence(null, "The amount paid"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R9: The amount paid is required.")
                .extracting(e -> ((BusinessRuleViolation) e).ruleId()).isEqualTo("R9");
    }

    @Test
    @DisplayName("R9 negative amounts convert exactly (callers check the allowed range)")
    void negative() {
        assertThat(Money.poundsToPence(-5.5, LABEL)).isEqualTo(-550L);
    }

    @ParameterizedTest(name = "{0} pence -> {1}")
    @CsvSource({
            "1250, £12.50",
            "2000, £20.00",
            "0, £0.00",
            "5, £0.05",
            "99, £0.99",
            "100, £1.00",
            "3450, £34.50",
            "123456789, £1234567.89",
            "-1250, -£12.50",
            "-5, -£0.05",
    })
    @DisplayName("R9 format() shows pounds and two-digit pence with the pound sign")
    void format(long pence, String text) {
        assertThat(Money.format(pence)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} pence -> {1}")
    @CsvSource({
            "1250, 12.50",
            "2000, 20.00",
            "0, 0.00",
            "5, 0.05",
            "-550, -5.50",
    })
    @DisplayName("R9 plain() is decimal pounds for form fields, without the pound sign")
    void plain(long pence, String text) {
        assertThat(Money.plain(pence)).isEqualTo(text);
    }

    @Test
    @DisplayName("R9 plain() reads back through poundsToPence to the same pence")
    void plainRoundTrip() {
        for (long pence : new long[] {0, 1, 10, 99, 550, 1999, 2000}) {
            assertThat(Money.poundsToPence(new BigDecimal(Money.plain(pence)), LABEL)).isEqualTo(pence);
        }
    }
}
