package org.carecommissioning.contractmanagement;

public enum ActionStatus {
    OPEN,
    CLOSED
}
