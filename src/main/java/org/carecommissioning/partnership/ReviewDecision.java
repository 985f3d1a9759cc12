package org.carecommissioning.partnership;

import java.util.Arrays;

import org.carecommissioning.shared.BusinessRuleViolation;

/** R1: what the review decides (the partnership-review form's choices; Gateway_ReviewDecision compares them). */
enum ReviewDecision {
    EXTEND("extend"),
    CLOSE("close");

    private final String formValue;

    ReviewDecision(String formValue) {
        this.formValue = formValue;
    }

    String formValue() {
        return formValue;
    }

    /** Refuses a missing or unknown choice, so nothing but a real "let it end" lets a partnership end. */
    static ReviewDecision parse(String value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value == null ? "" : value.trim())).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("R1",
                        "Choose whether to extend the partnership or let it end."));
    }
}
