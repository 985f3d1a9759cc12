package org.carecommissioning.quality;

/** Where a QAF return is in its life (Q2-Q7). */
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
    /** Q7: grades agreed and told to the provider. */
    AGREED;

    String describe() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
