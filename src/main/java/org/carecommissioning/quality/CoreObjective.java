package org.carecommissioning.quality;

/** Q1: the seven core objectives of the QAF, in the order of the paper forms. */
public enum CoreObjective {

    C1_1("C1.1", "Needs and risk assessment"),
    C1_2("C1.2", "Support planning"),
    C1_3("C1.3", "Security, health and safety"),
    C1_4("C1.4", "Protection from abuse"),
    C1_5("C1.5", "Fair access, diversity and inclusion"),
    C1_6("C1.6", "Complaints"),
    C1_7("C1.7", "Consulting and involving service users");

    private final String code;
    private final String title;

    CoreObjective(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** The code on the paper forms, for example "C1.3". */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** How a caseworker reads it, for example "C1.3 Security, health and safety". */
    public String label() {
        return code + " " + title;
    }
}
