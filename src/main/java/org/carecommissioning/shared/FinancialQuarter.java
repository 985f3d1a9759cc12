package org.carecommissioning.shared;

import java.time.LocalDate;
import java.time.Month;


/**
 * A quarter of the financial year (R10 decision): Q1 April-June, Q2 July-September, Q3 October-December,
 * Q4 January-March. {@code startYear} is the calendar year in which the financial year starts (2026 for 2026/27).
 */
public record FinancialQuarter(int startYear, int quarter) {

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new BusinessRuleViolation("R10", "A financial quarter is 1 to 4 (Q1 April-June ... Q4 January-March).");
        }
        if (startYear < 2000 || startYear > 2100) {
            throw new BusinessRuleViolation("R10", "Give the year the financial year starts, for example 2026 for 2026/27.");
        }
    }

    public static FinancialQuarter containing(LocalDate date) {
        int monthsIntoYear = (date.getMonthValue() - Month.APRIL.getValue() + 12) % 12;
        int startYear = date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
        return new FinancialQuarter(startYear, monthsIntoYear / 3 + 1);
    }

    /** The latest quarter that has ended before {@code date}. */
    public static FinancialQuarter lastCompletedBefore(LocalDate date) {
        return containing(date).previous();
    }

    public FinancialQuarter previous() {
        return quarter == 1 ? new FinancialQuarter(startYear - 1, 4) : new FinancialQuarter(startYear, quarter - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** For example "2026/27 Q3 (October-December 2026)". */
    public String label() {
        String[] names = {"April-June", "July-September", "October-December", "January-March"};
        return String.format("%d/%02d Q%d (%s %d)", startYear, (startYear + 1) % 100, quarter, names[quarter - 1],
                lastDay().getYear());
    }

    /** Compact code used in invoice numbers, for example "2026Q3". */
    public String code() {
        return startYear + "Q" + quarter;
    }
}
