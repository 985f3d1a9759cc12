package org.carecommissioning.referral;

import java.util.Arrays;

import org.carecommissioning.shared.BusinessRuleViolation;

/** What happened to a booked session, as chosen on the session-outcome form. */
public enum SessionOutcome {
    ATTENDED("attended", SessionStatus.ATTENDED),
    CANCELLED_BY_CLIENT("cancelled-by-client", SessionStatus.CANCELLED_BY_CLIENT),
    CANCELLED_BY_PROVIDER("cancelled-by-provider", SessionStatus.CANCELLED_BY_PROVIDER),
    NOT_ATTENDED("not-attended", SessionStatus.NOT_ATTENDED);

    private final String formValue;
    private final SessionStatus status;

    SessionOutcome(String formValue, SessionStatus status) {
        this.formValue = formValue;
        this.status = status;
    }

    public static SessionOutcome fromFormValue(String value) {
        return Arrays.stream(values())
                .filter(o -> o.formValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("R6",
                        "Choose what happened: attended, cancelled by the client, cancelled by the provider or did not attend."));
    }

    public String formValue() {
        return formValue;
    }

    SessionStatus status() {
        return status;
    }

    public boolean isCancellation() {
        return this == CANCELLED_BY_CLIENT || this == CANCELLED_BY_PROVIDER;
    }

    /** The party whose cancellation (or absence) the cancellation-charge table judges. */
    public String cancelledBy() {
        return this == CANCELLED_BY_PROVIDER ? "provider" : "client";
    }
}
