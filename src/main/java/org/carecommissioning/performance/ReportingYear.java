package org.carecommissioning.performance;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecommissioning.shared.BusinessRuleViolation;

/** PI1: a reporting year April-March, written "2026/27". */
public record ReportingYear(int startYear) {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})/(\\d{2})$");

    public static ReportingYear parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || (Integer.parseInt(matcher.group(1)) + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw new BusinessRuleViolation("PI1", "Write the reporting year like 2026/27 (April 2026 to March 2027).");
        }
        return new ReportingYear(Integer.parseInt(matcher.group(1)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /** The last day of a quarter of this year (Q1 ends 30 June ... Q4 ends 31 March). */
    public LocalDate quarterEnd(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new BusinessRuleViolation("PI2", "A quarter is 1 to 4.");
        }
        return firstDay().plusMonths(3L * quarter).minusDays(1);
    }

    @Override
    public String toString() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }
}
