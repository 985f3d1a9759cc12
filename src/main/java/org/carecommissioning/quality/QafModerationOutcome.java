package org.carecommissioning.quality;

/** Q6: where the moderation of one QAF stands. */
public enum QafModerationOutcome {

    /** Drawn; the contracts manager has not moderated it yet. */
    PENDING,
    /** The contracts manager agrees with the grades. */
    AGREED,
    /** The contracts manager changed one or more grades, each with a reason. */
    CHANGED
}
