package org.carecommissioning.referral;

/**
 * The one declared limit of each free-text field of a referral and its sessions. The entity's column, the
 * service's check and the form's maxLength all use this number ({@code ReferralLimitsTest} reads the forms and
 * the entities to keep them in step), so a caseworker is told the limit before the database would refuse it.
 * The database columns (V1 migration) are exactly these widths.
 */
final class ReferralLimits {

    static final int SERVICE_USER_NAME = 200;
    static final int MEMBERSHIP_NUMBER = 50;
    static final int EMAIL = 200;
    static final int PHONE = 50;
    static final int REFERRAL_REASON = 2000;
    static final int DECLINE_REASON = 2000;
    static final int OUTCOME_NOTES = 2000;
    static final int DIARY_ENTRY = 4000;
    static final int EVALUATION_COMMENTS = 4000;

    private ReferralLimits() {
    }
}
