package org.carecommissioning.quality;

import org.carecommissioning.shared.BusinessRuleViolation;

/** Q1: a performance level, A (best) to D; C is the minimum standard. */
public enum QafGrade {

    A, B, C, D;

    /**
     * Reads a grade as a form or the API sends it ("B", " b "); null or blank is null. Anything else is refused with a
     * sentence naming the field.
     */
    public static QafGrade parse(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim().toUpperCase(java.util.Locale.ROOT);
        for (QafGrade grade : values()) {
            if (grade.name().equals(text)) {
                return grade;
            }
        }
        throw new BusinessRuleViolation("Q1", label + ": \"" + value.toString().trim() + "\" is not a grade; choose A, B,"
                + " C or D.");
    }

    /** Q1: the minimum standard. */
    public boolean meetsMinimumStandard() {
        return compareTo(C) <= 0;
    }

    /** Q3: whether a claim of this grade needs written evidence for {@code level} (C, B or A). */
    boolean needsEvidenceFor(QafGrade level) {
        return level != D && compareTo(level) <= 0;
    }

    /** Q5: how many grades apart two grades are (0 to 3), in either direction. */
    int distanceTo(QafGrade other) {
        return Math.abs(ordinal() - other.ordinal());
    }
}
