package org.carecommissioning.contractmanagement;

public enum MeetingStatus {
    PLANNED,
    HELD,
    CLOSED
}
