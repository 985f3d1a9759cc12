package org.carecommissioning.consultation;

/** U4: what a consultation concern is: adverse feedback raised as a complaint, or a safeguarding concern. */
public enum ConcernKind {
    COMPLAINT,
    SAFEGUARDING
}
