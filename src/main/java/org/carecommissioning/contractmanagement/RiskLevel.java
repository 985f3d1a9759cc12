package org.carecommissioning.contractmanagement;

import java.util.Arrays;

import org.carecommissioning.shared.BusinessRuleViolation;

/** C3: the risk level of one checklist clause (appendix 2), in increasing order of concern. */
public enum RiskLevel {
    Low,
    Medium,
    High;

    public static RiskLevel parse(String value, String clauseTitle) {
        return Arrays.stream(values())
                .filter(level -> level.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("C4", "Give a revised risk (Low, Medium or High) for \""
                        + clauseTitle + "\"."));
    }

    public boolean isConcern() {
        return this != Low;
    }
}
