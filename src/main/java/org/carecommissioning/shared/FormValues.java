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
        if (value instanceof Number n) {
            return n;
        }
        try {
            return new java.math.BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a number.");
        }
    }

    public static LocalDate date(Object value, String ruleId, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), ZoneId.of("Europe/London"));
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a date like 2026-11-25.");
        }
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
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                Instant instant = OffsetDateTime.parse(text).toInstant();
                return LocalDateTime.ofInstant(instant, zone);
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ruleId, label + " must be a date and time like 2026-11-25T10:00.");
        }
    }
}
