package org.carecommissioning.consultation;

/** U1, U2, U6: where a consultation stands; every status but REPORT_ISSUED is open (U1: one open per service). */
public enum ConsultationStatus {

    PLANNED("planned"),
    APPROACH_PROPOSED("awaiting the contracts manager's agreement of the approach"),
    APPROACH_AGREED("under way"),
    REPORT_ISSUED("reported");

    private final String description;

    ConsultationStatus(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }

    public boolean isOpen() {
        return this != REPORT_ISSUED;
    }
}
