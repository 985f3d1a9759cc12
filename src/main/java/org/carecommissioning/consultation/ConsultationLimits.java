package org.carecommissioning.consultation;

/**
 * The one declared limit of each free-text field of a consultation: the entities' columns (V13 migration, the same
 * widths) and the service's checks use it, so an over-long value is refused with its limit named.
 */
final class ConsultationLimits {

    /** U2: the contracts manager's reason for a sample below the minimum. */
    static final int SAMPLE_REASON = 2000;
    /** U3, U4: a participant's or carer's name, on the consent record only. */
    static final int NAME = 200;
    /** U3: the consent reference printed on the participant's copy. */
    static final int CONSENT_REFERENCE = 20;
    /** U3: the code of one question of the questionnaire or interview. */
    static final int QUESTION_CODE = 40;
    /** U3: one answer. */
    static final int ANSWER = 4000;
    /** U6: the report's text and its one-line headline, on the consultation (V15). */
    static final int REPORT = 4000;
    static final int REPORT_HEADLINE = 200;
    static final int SHORT_NOTICE_REASON = 2000;
    /** U4: an adverse comment raised as a complaint, or a safeguarding concern (V14 migration). */
    static final int CONCERN = 4000;
    /** U4: the account of what was done about a safeguarding concern (V18 migration). */
    static final int OUTCOME_NOTE = 2000;
    /** U4: the complaints procedure's reference for a complaint handed to it (V18 migration). */
    static final int COMPLAINT_CASE_REFERENCE = 40;
    /** U2: the most service users a provider can state (Decision: a sanity bound, far above any service). */
    static final int MOST_SERVICE_USERS = 100_000;

    private ConsultationLimits() {
    }
}
