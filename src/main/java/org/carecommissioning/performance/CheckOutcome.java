package org.carecommissioning.performance;

import java.util.Arrays;

import org.carecommissioning.shared.BusinessRuleViolation;

/**
 * PI4, PI5: what the purchasing officer decides on checking a return (the pi-check form's choices; the model's
 * gateways compare the same form values).
 */
public enum CheckOutcome {
    ACCEPT("accept"),
    INCOMPLETE("incomplete"),
    EXPLANATION("explanation"),
    REFER("refer");

    private final String formValue;

    CheckOutcome(String formValue) {
        this.formValue = formValue;
    }

    public String formValue() {
        return formValue;
    }

    /** The form's value, refused with the caseworker's sentence when it is missing or not one of the choices. */
    public static CheckOutcome parse(String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("PI4", "Choose the outcome of the check.");
        }
        return Arrays.stream(values()).filter(o -> o.formValue.equals(value.trim())).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("PI4", "Unknown check outcome " + value + "."));
    }
}
