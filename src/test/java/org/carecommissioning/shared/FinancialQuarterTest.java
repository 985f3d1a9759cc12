package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("R10 financial quarters (Apr-Jun Q1 ... Jan-Mar Q4)")
class FinancialQuarterTest {

    @ParameterizedTest(name = "{0} is in {1}/{2} Q{3}")
    @CsvSource({
            // every quarter boundary, both sides
            "2026-03-31, 2025, 4",
            "2026-04-01, 2026, 1",
            "2026-06-30, 2026, 1",
            "2026-07-01, 2026, 2",
            "2026-09-30, 2026, 2",
            "2026-10-01, 2026, 3",
            "2026-12-31, 2026, 3",
            "2027-01-01, 2026, 4",
            "2027-03-31, 2026, 4",
            "2027-04-01, 2027, 1",
            // mid-quarter and a leap day
            "2026-05-15, 2026, 1",
            "2026-08-15, 2026, 2",
            "2026-11-25, 2026, 3",
            "2028-02-29, 2027, 4",
    })
    @DisplayName("R10 containing() puts each date in its financial-year quarter, on every boundary")
    void containing(LocalDate date, int startYear, int quarter) {
        assertThat(FinancialQuarter.containing(date)).isEqualTo(new FinancialQuarter(startYear, quarter));
    }

    @ParameterizedTest(name = "{0}/{1} Q{2}: {3} to {4}")
    @CsvSource({
            "2026, 1, 2026-04-01, 2026-06-30",
            "2026, 2, 2026-07-01, 2026-09-30",
            "2026, 3, 2026-10-01, 2026-12-31",
            "2026, 4, 2027-01-01, 2027-03-31",
            "2027, 4, 2028-01-01, 2028-03-31",
    })
    @DisplayName("R10 firstDay and lastDay span exactly the quarter's three months")
    void firstAndLastDay(int startYear, int quarter, LocalDate first, LocalDate last) {
        FinancialQuarter q = new FinancialQuarter(startYear, quarter);
        assertThat(q.firstDay()).isEqualTo(first);
        assertThat(q.lastDay()).isEqualTo(last);
        assertThat(FinancialQuarter.containing(first)).isEqualTo(q);
        assertThat(FinancialQuarter.containing(last)).isEqualTo(q);
        assertThat(FinancialQuarter.containing(first.minusDays(1))).isEqualTo(q.previous());
    }

    @ParameterizedTest(name = "{0}/{1} Q{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "2026 | 1 | 2026/27 Q1 (April-June 2026)",
            "2026 | 2 | 2026/27 Q2 (July-September 2026)",
            "2026 | 3 | 2026/27 Q3 (October-December 2026)",
            "2026 | 4 | 2026/27 Q4 (January-March 2027)",
            "2009 | 4 | 2009/10 Q4 (January-March 2010)",
            "2099 | 1 | 2099/00 Q1 (April-June 2099)",
    })
    @DisplayName("R10 label() reads like the invoice period, e.g. 2026/27 Q4 (January-March 2027)")
    void label(int startYear, int quarter, String label) {
        assertThat(new FinancialQuarter(startYear, quarter).label()).isEqualTo(label);
    }

    @Test
    @DisplayName("R10 code() is the compact form used in invoice numbers")
    void code() {
        assertThat(new FinancialQuarter(2026, 3).code()).isEqualTo("2026Q3");
        assertThat(new FinancialQuarter(2026, 4).code()).isEqualTo("2026Q4");
        assertThat(FinancialQuarter.containing(LocalDate.of(2027, 2, 1)).code()).isEqualTo("2026Q4");
    }

    @Test
    @DisplayName("R10 previous() steps back a quarter and crosses from Q1 to the previous financial year's Q4")
    void previous() {
        assertThat(new FinancialQuarter(2026, 4).previous()).isEqualTo(new FinancialQuarter(2026, 3));
        assertThat(new FinancialQuarter(2026, 3).previous()).isEqualTo(new FinancialQuarter(2026, 2));
        assertThat(new FinancialQuarter(2026, 2).previous()).isEqualTo(new FinancialQuarter(2026, 1));
        assertThat(new FinancialQuarter(2026, 1).previous()).isEqualTo(new FinancialQuarter(2025, 4));
    }

    @ParameterizedTest(name = "last completed before {0} is {1}Q{2}")
    @CsvSource({
            "2026-04-01, 2025, 4",  // Q4 2025/26 ended 31 March
            "2026-03-31, 2025, 3",  // Q4 is still running on its last day
            "2026-07-01, 2026, 1",
            "2026-06-30, 2025, 4",
            "2026-10-01, 2026, 2",
            "2027-01-01, 2026, 3",
            "2027-02-14, 2026, 3",
    })
    @DisplayName("R10 lastCompletedBefore() is the latest quarter that ended before the date")
    void lastCompletedBefore(LocalDate date, int startYear, int quarter) {
        FinancialQuarter completed = FinancialQuarter.lastCompletedBefore(date);
        assertThat(completed).isEqualTo(new FinancialQuarter(startYear, quarter));
        assertThat(completed.lastDay()).isBefore(date);
    }

    @ParameterizedTest(name = "quarter {0} refused")
    @CsvSource({"0", "5", "-1"})
    @DisplayName("R10 a quarter outside 1-4 is refused")
    void invalidQuarter(int quarter) {
        assertThatThrownBy(() -> new FinancialQuarter(2026, quarter))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R10: A financial quarter is 1 to 4 (Q1 April-June ... Q4 January-March).")
                .extracting(e -> ((BusinessRuleViolation) e).ruleId()).isEqualTo("R10");
    }

    @ParameterizedTest(name = "year {0} refused")
    @CsvSource({"1999", "2101", "26", "0"})
    @DisplayName("R10 a year that is not a plausible financial-year start is refused")
    void invalidYear(int year) {
        assertThatThrownBy(() -> new FinancialQuarter(year, 1))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("R10: Give the year the financial year starts, for example 2026 for 2026/27.");
    }

    @Test
    @DisplayName("R10 the year range limits are inclusive")
    void yearLimits() {
        assertThat(new FinancialQuarter(2000, 1).firstDay()).isEqualTo(LocalDate.of(2000, 4, 1));
        assertThat(new FinancialQuarter(2100, 4).lastDay()).isEqualTo(LocalDate.of(2101, 3, 31));
    }
}
