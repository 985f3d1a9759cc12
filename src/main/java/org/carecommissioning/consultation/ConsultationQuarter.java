package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FinancialQuarter;

/**
 * U7: a quarter of the financial year, as the quarterly summary of service-user feedback reports it: Q1 April-June,
 * Q2 July-September, Q3 October-December, Q4 January-March. {@code startYear} is the calendar year the financial year
 * starts in (2026 for 2026/27).
 */
public record ConsultationQuarter(int startYear, int quarter) {

    private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})\\s*[/-]\\s*(\\d{2})\\s*$");
    private static final Pattern QUARTER = Pattern.compile("^\\s*[Qq]?([1-4])\\s*$");

    public ConsultationQuarter {
        if (quarter < 1 || quarter > 4 || startYear < 2000 || startYear > 2100) {
            throw new BusinessRuleViolation("U7", "A quarter is 1 to 4 of a financial year from 2000/01.");
        }
    }

    /** U7: reads a financial year like 2026-27 (or 2026/27) and a quarter 1 to 4 (or Q1 to Q4); 400 otherwise. */
    public static ConsultationQuarter parse(String year, String quarter) {
        String yearText = year == null ? "" : year.strip();
        Matcher matcher = YEAR.matcher(yearText);
        if (!matcher.matches() || (Integer.parseInt(matcher.group(1)) + 1) % 100 != Integer.parseInt(matcher.group(2))
                || Integer.parseInt(matcher.group(1)) < 2000 || Integer.parseInt(matcher.group(1)) > 2100) {
            throw new BusinessRuleViolation("U7", "\"" + yearText + "\" is not a financial year; write it like 2026-27"
                    + " (April 2026 to March 2027).");
        }
        String quarterText = quarter == null ? "" : quarter.strip();
        Matcher number = QUARTER.matcher(quarterText);
        if (!number.matches()) {
            throw new BusinessRuleViolation("U7", "\"" + quarterText + "\" is not a quarter; give 1 (April-June), 2"
                    + " (July-September), 3 (October-December) or 4 (January-March).");
        }
        return new ConsultationQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(number.group(1)));
    }

    /** The quarter {@code day} falls in. */
    public static ConsultationQuarter containing(LocalDate day) {
        return of(FinancialQuarter.containing(day));
    }

    /** U7: the quarter that ended last before {@code day} (on 1 January 2027: 2026/27 Q3). */
    public static ConsultationQuarter endedBefore(LocalDate day) {
        return of(FinancialQuarter.lastCompletedBefore(day));
    }

    private static ConsultationQuarter of(FinancialQuarter quarter) {
        return new ConsultationQuarter(quarter.startYear(), quarter.quarter());
    }

    /** The same quarter as the financial calendar (shared) counts it, which does the date arithmetic. */
    private FinancialQuarter financialQuarter() {
        return new FinancialQuarter(startYear, quarter);
    }

    /** Reads {@link #code()} back, as a process variable keeps it. */
    public static ConsultationQuarter ofCode(String code) {
        Matcher matcher = Pattern.compile("^(\\d{4})Q([1-4])$").matcher(code == null ? "" : code);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a quarter code like 2026Q3: " + code);
        }
        return new ConsultationQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate firstDay() {
        return financialQuarter().firstDay();
    }

    public LocalDate lastDay() {
        return financialQuarter().lastDay();
    }

    /** Like 2026/27, as the consultation records keep the financial year. */
    public String financialYear() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    /** Like 2026Q3, for process variables. */
    public String code() {
        return financialQuarter().code();
    }

    /** Like consultation-summary-2026-27-q3, for attachments and downloads. */
    public String fileName() {
        return "consultation-summary-" + financialYear().replace('/', '-') + "-q" + quarter;
    }

    /** Like "2026/27 Q3 (October-December 2026)". */
    public String label() {
        return financialQuarter().label();
    }
}
