package org.carecommissioning.contractmanagement;

import org.carecommissioning.shared.BusinessRuleViolation;

/** C7: the purchasing officer's decision on the provider's improvement plan (form values "agree" and "revise"). */
public enum PlanAgreement {
    /** The plan is formally agreed. */
    AGREE,
    /** The plan goes back to the provider with what to change. */
    REVISE;

    /** C7: the form's value; anything else is refused with the caseworker's message. */
    static PlanAgreement parse(String value) {
        if ("agree".equals(value)) {
            return AGREE;
        }
        if ("revise".equals(value)) {
            return REVISE;
        }
        throw new BusinessRuleViolation("C7", "Agree the improvement plan or send it back to the provider to revise.");
    }

    boolean agreed() {
        return this == AGREE;
    }
}
