package org.carecommissioning.referral;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The referral process's personal variables, never written to history: what the start form submits about the
 * client (name, contact details, membership number, reason for referral, all stored in service_user and referral
 * and removed from the instance by the first step), the forms' read-only client fields, and every answer or note
 * about the client's health and treatment (stored in referral and treatment_session).
 */
@Component
class ReferralPersonalVariables implements PersonalVariables {

    static final Set<String> START_FORM = Set.of(
            "serviceUserName", "serviceUserEmail", "serviceUserPhone", "membershipNumber", "referralReason");

    @Override
    public String processDefinitionKey() {
        return "referral";
    }

    @Override
    public Set<String> names() {
        return Set.of(
                "serviceUserName", "serviceUserEmail", "serviceUserPhone", "membershipNumber", "referralReason",
                // Task_ConfirmEligibility: why the client is not eligible
                "declineReason",
                // Task_RecordSessionOutcome and Task_RecordTreatmentDiary: notes and health information
                "outcomeNotes", "diaryEntry", "wellbeingScore",
                // Task_CollectShortEvaluation and Task_CollectFinalEvaluation: the client's own answers
                "clientDeclinedEvaluation", "benefitRating", "wouldRecommend", "evaluationComments");
    }
}
