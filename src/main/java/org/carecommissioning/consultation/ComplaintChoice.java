package org.carecommissioning.consultation;

/**
 * U4: what the participant wants done with their adverse feedback: nothing, a complaint raised anonymously (no
 * consent reference kept with it), or a complaint by name (the consent reference is kept; the name stays on the
 * consent record).
 */
public enum ComplaintChoice {
    NONE,
    ANONYMOUS,
    NAMED
}
