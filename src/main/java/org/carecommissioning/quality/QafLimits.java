package org.carecommissioning.quality;

/**
 * The one declared limit of each free-text field of a QAF return: the entity's column (V9 migration, the same
 * widths), the service's check and the forms' maxLength use it, so an over-long value is refused with its limit named.
 */
final class QafLimits {

    /** Q3: the evidence for one level of one objective. */
    static final int EVIDENCE = 4000;
    /** Q3: the summary sheet. */
    static final int SUMMARY = 4000;
    /** Q4: the officer's comment on one objective. */
    static final int OFFICER_COMMENT = 2000;
    /** Q3: what the officer asks the provider to add. */
    static final int REQUEST_FOR_EVIDENCE = 2000;
    /** Q5: the validation visit's findings. */
    static final int VISIT_FINDINGS = 4000;
    /** Q7: the written reason for an agreed grade that differs from the claim. */
    static final int AGREED_REASON = 2000;

    /** Q7: the provider's further evidence, overall or for one objective, when it disagrees. */
    static final int APPEAL_EVIDENCE = 4000;
    /** Q7: the contracts manager's note on the final decision. */
    static final int FINAL_DECISION_NOTE = 2000;
    /** Q8: the provider's improvement plan. */
    static final int IMPROVEMENT_PLAN = 4000;
    /** Q8: a review of the plan, the validation's findings, the reason for the default-notice decision. */
    static final int PLAN_NOTE = 2000;

    private QafLimits() {
    }
}
