package org.carecommissioning.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Reads values submitted by Camunda Forms (strings, numbers, booleans) into domain types, with errors a
 * caseworker can act on. Dates arrive as "2026-11-25", date-times as "2026-11-25T10:00" with or without an
 * offset; numbers as integers or doubles.
 */
public final class FormValues {

    /**
     * No form field of this application holds a number anywhere near this; anything larger is a typing error
     * and would overflow the conversions behind it (pence in a long, a column's precision).
     */
    private static final java.math.BigDecimal LARGEST_NUMBER = java.math.BigDecimal.TEN.pow(12);

    /** The dates any case here can have, with room on both sides. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    private FormValues() {
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static String requiredText(Object value, String ruleId, String label) {
        String text = text(value);
        if (text == null) {
            throw new BusinessRuleViolation(ruleId, label + " is required.");
        }
        return text;
    }

    /**
     * Refuses text longer than its field's declared limit, naming the field and the limit, so the caseworker
     * can shorten it (the database would otherwise refuse it with SQL in its message). Null stays null.
     */
    public static String limited(String text, int maxLength, String ruleId, String label) {
        if (text != null && text.length() > maxLength) {
            throw new BusinessRuleViolation(ruleId, label + " is " + text.length() + " characters long; the limit is "
                    + maxLength + " characters. Shorten it.");
        }
        return text;
    }

    public static boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    public static Integer integer(Object value, String ruleId, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
                throw new BusinessRuleViolation(ruleId, label + " must be a whole number.");
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a whole number.");
        }
    }

    public static Number number(Object value, String ruleId, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        java.math.BigDecimal number;
        try {
            number = new java.math.BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            // also NaN and Infinity, which Double.toString gives for non-finite doubles
            throw new BusinessRuleViolation(ruleId, label + " must be a number.");
        }
        if (number.abs().compareTo(LARGEST_NUMBER) > 0) {
            throw new BusinessRuleViolation(ruleId, label + " is far too large.");
        }
        return value instanceof Number n ? n : number;
    }

    public static LocalDate date(Object value, String ruleId, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return plausibleDate(d, ruleId, label);
        }
        if (value instanceof Date d) {
            // an engine Date variable: its day in the commissioners' zone, which the application's JVM runs in (CareZone)
            return plausibleDate(LocalDate.ofInstant(d.toInstant(), ZoneId.systemDefault()), ruleId, label);
        }
        String text = value.toString().trim();
        try {
            return plausibleDate(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text), ruleId, label);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a date like 2026-11-25.");
        }
    }

    /**
     * Refuses a date no case can have (a mistyped year such as 20026 or +999999999): the databases and the
     * engine's timers cannot hold every date Java can, and the failure would show SQL. Null stays null.
     */
    public static LocalDate plausibleDate(LocalDate date, String ruleId, String label) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            throw new BusinessRuleViolation(ruleId, label + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE
                    + "; check the year.");
        }
        return date;
    }

    public static LocalDateTime dateTime(Object value, ZoneId zone, String ruleId, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), zone);
        }
        String text = value.toString().trim();
        try {
            LocalDateTime time;
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                Instant instant = OffsetDateTime.parse(text).toInstant();
                time = LocalDateTime.ofInstant(instant, zone);
            } else {
                time = LocalDateTime.parse(text);
            }
            plausibleDate(time.toLocalDate(), ruleId, label);
            return time;
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a date and time like 2026-11-25T10:00.");
        }
    }
}
