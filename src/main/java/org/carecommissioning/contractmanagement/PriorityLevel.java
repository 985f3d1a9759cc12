package org.carecommissioning.contractmanagement;

import java.util.Arrays;

import org.carecommissioning.shared.BusinessRuleViolation;

/** C1: how closely a service is monitored; the cmm-frequency decision table turns it into a meeting interval. */
public enum PriorityLevel {
    GREEN,
    AMBER,
    RED;

    public static PriorityLevel parse(String value) {
        return Arrays.stream(values())
                .filter(level -> level.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("C6", "Choose a priority level: GREEN, AMBER or RED."));
    }
}
