package org.carecommissioning.referral;

public enum SessionStatus {
    BOOKED,
    ATTENDED,
    CANCELLED_BY_CLIENT,
    CANCELLED_BY_PROVIDER,
    NOT_ATTENDED
}
