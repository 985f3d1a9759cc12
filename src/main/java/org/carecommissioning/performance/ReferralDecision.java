package org.carecommissioning.performance;

import java.util.Arrays;
import java.util.List;

import org.carecommissioning.shared.BusinessRuleViolation;

/** PI5: what the contracts manager may decide on a referred missed trigger (the pi-referral-decision form's choices). */
public enum ReferralDecision {
    MONITOR("monitor"),
    EARLIER_MEETING("earlier-meeting"),
    DEFAULT_NOTICE("default-notice");

    private final String formValue;

    ReferralDecision(String formValue) {
        this.formValue = formValue;
    }

    public String formValue() {
        return formValue;
    }

    /** The form's value; null when none was chosen (the service refuses that with the reason's sentence). */
    public static ReferralDecision parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value.trim())).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("PI5", "\"" + value + "\" is not a decision; choose one of "
                        + Arrays.stream(values()).map(ReferralDecision::formValue).toList() + "."));
    }

    static List<String> formValues() {
        return Arrays.stream(values()).map(ReferralDecision::formValue).toList();
    }
}
