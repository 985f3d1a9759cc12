package org.carecommissioning.referral;

public enum ReferralStatus {
    /** Referred by the commissioning organisation, awaiting eligibility confirmation and authorisation (R2). */
    REFERRED,
    /** Not eligible; the reason is recorded. */
    DECLINED,
    /** Authorised: the commissioning organisation has committed to pay for the treatments (R2). */
    AUTHORISED,
    /** Every authorised treatment used and the evaluation form collected (R8). */
    COMPLETED,
    /** The partnership ended before the remaining treatments were booked (R1). */
    LAPSED
}
