package org.carecommissioning.quality;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecommissioning.shared.BusinessRuleViolation;

/**
 * A financial year (1 April to 31 March) as the QAF records write it, like 2026/27; read from a form, a path
 * ({@code 2026-27}) or a query parameter ({@code 2026/27}).
 */
public record QafYear(int startYear) {

    private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})\\s*[/-]\\s*(\\d{2})\\s*$");

    /** Reads 2026/27 or 2026-27; anything else, or years that do not follow each other, is refused. */
    public static QafYear parse(Object value, String ruleId) {
        String text = value == null ? "" : value.toString();
        Matcher matcher = YEAR.matcher(text);
        if (!matcher.matches()) {
            throw new BusinessRuleViolation(ruleId, "\"" + text.strip() + "\" is not a financial year; write it like"
                    + " 2026/27 (or 2026-27 in an address).");
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2)) || start < 2000 || start > 2198) {
            throw new BusinessRuleViolation(ruleId, "\"" + text.strip() + "\" is not a financial year: it runs from"
                    + " April of one year to March of the next, like 2026/27.");
        }
        return new QafYear(start);
    }

    /** The financial year a day falls in. */
    public static QafYear of(LocalDate day) {
        return new QafYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** 1 April. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    /** 1 April of the next year: the first day after it. */
    public LocalDate dayAfter() {
        return LocalDate.of(startYear + 1, 4, 1);
    }

    /** Like 2026-27, for file names and addresses. */
    public String fileName() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    /** Like 2026/27, as the records keep it. */
    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
