package org.carecommissioning.performance;

public enum ReturnStatus {
    AWAITED,
    SUBMITTED,
    RETURNED_TO_PROVIDER,
    REFERRED,
    SIGNED_OFF,
    RECORDED
}
