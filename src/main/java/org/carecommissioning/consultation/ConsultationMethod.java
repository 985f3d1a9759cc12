package org.carecommissioning.consultation;

/** U2: how service users' views are sought (seed 004 part 3.6, 5.1). */
public enum ConsultationMethod {

    QUESTIONNAIRE("questionnaire"),
    INFORMAL_GATHERING("informal gathering"),
    SMALL_GROUP("small group"),
    INDIVIDUAL_INTERVIEW("individual interview");

    private final String label;

    ConsultationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** U3: every method but the questionnaire meets service users, so each participant needs a signed consent. */
    public boolean meetsServiceUsers() {
        return this != QUESTIONNAIRE;
    }
}
