package org.carecommissioning.quality;

/** Where a QAF return is in its life (Q2-Q8). */
public enum QafStatus {
    /** Q2: issued, the provider's self-assessment is awaited. */
    ISSUED,
    /** Q3: sent back to the provider for more evidence. */
    RETURNED_FOR_EVIDENCE,
    /** Q3: the self-assessment is in, awaiting the desk-top review. */
    SUBMITTED,
    /** Q4: desk-top review done. */
    REVIEWED,
    /** Q5: validation visit date agreed with the provider. */
    VISIT_PLANNED,
    /** Q5: validation visit findings recorded. */
    VISITED,
    /** Q7: grades agreed and told to the provider; its response is awaited. */
    AGREED,
    /** Q7: the provider disagrees; the officer reconsiders. */
    DISAGREED,
    /** Q7: the officer's reconsidered grades are told to the provider; its response is awaited. */
    RECONSIDERED,
    /** Q7: still not agreed; the contracts manager makes the final decision. */
    FINAL_REVIEW,
    /** Q7: the grades are final (accepted, not answered by the deadline, or the contracts manager's decision). */
    FINAL;

    String describe() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
