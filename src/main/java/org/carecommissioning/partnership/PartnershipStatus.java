package org.carecommissioning.partnership;

public enum PartnershipStatus {
    ACTIVE,
    CLOSED
}
