package org.carecommissioning.consultation;

/**
 * U4: what was done about a consultation concern. A safeguarding concern: referred to the adult safeguarding team,
 * reported to the police, the provider asked to act and report back, or no further action (with the reason why). A
 * complaint: handed to the complaints procedure.
 */
public enum ConcernOutcome {
    REFERRED_TO_SAFEGUARDING_TEAM(ConcernKind.SAFEGUARDING),
    REPORTED_TO_POLICE(ConcernKind.SAFEGUARDING),
    PROVIDER_TO_ACT_AND_REPORT(ConcernKind.SAFEGUARDING),
    NO_FURTHER_ACTION(ConcernKind.SAFEGUARDING),
    HANDED_TO_COMPLAINTS_PROCEDURE(ConcernKind.COMPLAINT);

    private final ConcernKind kind;

    ConcernOutcome(ConcernKind kind) {
        this.kind = kind;
    }

    /** The kind of concern this outcome closes. */
    public ConcernKind kind() {
        return kind;
    }
}
