package org.carecommissioning.referral;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.referral.ReferralService.Evaluation;
import org.carecommissioning.referral.ReferralService.NewReferral;
import org.carecommissioning.referral.TreatmentSessionService.OutcomeFacts;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;

/**
 * The variables of processes/referral.bpmn, names and types in one place. Form values are read here, at the edge,
 * with {@link FormValues} (a bad value is the form's rule violation, not an engine error); the delegates and
 * listeners get typed values and hand back typed results. The model's expressions and the forms use the same names
 * and the same values (the session outcome's form values, the booleans the gateways test).
 */
final class ReferralVariables {

    static final String REFERRAL_ID = "referralId";
    static final String REFERRAL_NUMBER = "referralNumber";
    static final String PARTNERSHIP_ID = "partnershipId";
    static final String COMMISSIONER_GROUP = "commissionerGroup";
    static final String ORGANISATION_NAME = "organisationName";
    static final String PARTNERSHIP_END_DATE = "partnershipEndDate";
    static final String PARTNERSHIP_END_DATE_TEXT = "partnershipEndDateText";
    static final String PARTNERSHIP_ENDS_AT = "partnershipEndsAt";
    static final String ELIGIBILITY_CONFIRMED = "eligibilityConfirmed";
    static final String TREATMENTS_AUTHORISED = "treatmentsAuthorised";
    static final String CLIENT_CONTRIBUTION_POUNDS = "clientContributionPounds";
    static final String DECLINE_REASON = "declineReason";
    static final String TREATMENT_PLAN = "treatmentPlan";
    static final String EVALUATION_FORMS = "evaluationForms";
    static final String PLAN_TYPE = "planType";
    static final String DIARY_AFTER_EACH_TREATMENT = "diaryAfterEachTreatment";
    static final String FINAL_FORM = "finalForm";
    static final String TREATMENTS_REMAINING = "treatmentsRemaining";
    static final String TREATMENTS_GIVEN = "treatmentsGiven";
    static final String PARTNERSHIP_LIVE = "partnershipLive";
    static final String THERAPIST_OPTIONS = "therapistOptions";
    static final String THERAPIST_ID = "therapistId";
    static final String APPOINTMENT_AT = "appointmentAt";
    static final String APPOINTMENT_AT_TEXT = "appointmentAtText";
    static final String SESSION_ID = "sessionId";
    static final String SESSION_NUMBER = "sessionNumber";
    static final String SESSION_ENDS_AT = "sessionEndsAt";
    static final String THERAPIST_NAME = "therapistName";
    static final String THERAPIST_USER_ID = "therapistUserId";
    static final String SESSION_OUTCOME = "sessionOutcome";
    static final String CANCELLATION_NOTIFIED_AT = "cancellationNotifiedAt";
    static final String OUTCOME_NOTES = "outcomeNotes";
    static final String SESSION_ATTENDED = "sessionAttended";
    static final String CANCELLED_BY = "cancelledBy";
    static final String NOTICE_HOURS = "noticeHours";
    static final String EVALUATION_DUE_AT = "evaluationDueAt";
    static final String CANCELLATION_CHARGE = "cancellationCharge";
    static final String RESCHEDULE = "reschedule";
    static final String LAST_OUTCOME_MESSAGE = "lastOutcomeMessage";
    static final String DIARY_ENTRY = "diaryEntry";
    static final String WELLBEING_SCORE = "wellbeingScore";
    static final String CLIENT_DECLINED_EVALUATION = "clientDeclinedEvaluation";
    static final String BENEFIT_RATING = "benefitRating";
    static final String WOULD_RECOMMEND = "wouldRecommend";
    static final String EVALUATION_COMMENTS = "evaluationComments";
    static final String REFERRALS_LAPSED = "referralsLapsed";

    /** What the referral's variables are read from: the execution, or the task whose form was just submitted. */
    private final VariableScope scope;
    /** Where the process's variables are written: the execution (a task's own execution for a listener). */
    private final DelegateExecution execution;

    private ReferralVariables(VariableScope scope, DelegateExecution execution) {
        this.scope = scope;
        this.execution = execution;
    }

    static ReferralVariables of(DelegateExecution execution) {
        return new ReferralVariables(execution, execution);
    }

    static ReferralVariables of(DelegateTask task) {
        return new ReferralVariables(task, task.getExecution());
    }

    // R2: the referral-start form

    /** R2: the referrer's start form. */
    NewReferral newReferral() {
        return new NewReferral(text("referrerUserId"), text("organisationCode"), text("serviceUserName"),
                text("membershipNumber"), text("serviceUserEmail"), text("serviceUserPhone"), text("referralReason"));
    }

    /** R2: the registered referral; its number is the business key Cockpit shows. */
    void registered(Referral referral, Partnership partnership, String commissionerGroup, String organisationName,
            ZoneId zone) {
        // The client's details now live in service_user and referral; removed in this same transaction, they are
        // never stored as variables (and the history filter keeps them out of history).
        ReferralPersonalVariables.START_FORM.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(referral.getReferralNumber());
        execution.setVariable(REFERRAL_ID, referral.getId());
        execution.setVariable(REFERRAL_NUMBER, referral.getReferralNumber());
        execution.setVariable(PARTNERSHIP_ID, partnership.getId());
        execution.setVariable(COMMISSIONER_GROUP, commissionerGroup);
        // the referring organisation, not the client: what the referral's task cards show beside its number
        execution.setVariable(ORGANISATION_NAME, organisationName);
        partnershipEnds(partnership, zone);
    }

    /**
     * R1, X1: the partnership's current end date (the ISO value is what the logic reads; the form shows the readable
     * copy, Tasklist 4). Returns when the partnership's last day ends.
     */
    Date partnershipEnds(Partnership partnership, ZoneId zone) {
        Date endsAt = ProcessDates.endOfDay(partnership.getEndDate(), zone);
        execution.setVariable(PARTNERSHIP_END_DATE, partnership.getEndDate().toString());
        execution.setVariable(PARTNERSHIP_END_DATE_TEXT, DisplayDates.date(partnership.getEndDate()));
        execution.setVariable(PARTNERSHIP_ENDS_AT, endsAt);
        return endsAt;
    }

    Long referralId() {
        return ProcessVariables.id(scope, REFERRAL_ID);
    }

    Long partnershipId() {
        return ProcessVariables.id(scope, PARTNERSHIP_ID);
    }

    // R2, R3, R9: the referral-authorisation form

    /** R2: read by Gateway_Eligible. */
    boolean eligibilityConfirmed() {
        return flag(ELIGIBILITY_CONFIRMED);
    }

    /** The number of treatments as given on the form, unread. */
    Object treatmentsAuthorisedAsGiven() {
        return scope.getVariable(TREATMENTS_AUTHORISED);
    }

    /** R3: the authorised count, stored back as a whole number where the form put it, for the decision tables. */
    void treatmentsAuthorised(int treatments) {
        scope.setVariable(TREATMENTS_AUTHORISED, treatments);
    }

    Integer treatmentsAuthorised() {
        return FormValues.integer(scope.getVariable(TREATMENTS_AUTHORISED), "R3", "The number of treatments");
    }

    Number clientContributionPounds() {
        return FormValues.number(scope.getVariable(CLIENT_CONTRIBUTION_POUNDS), "R9", "The client's contribution");
    }

    String declineReason() {
        return text(DECLINE_REASON);
    }

    /** R3: the treatment-plan table's single result; empty when no rule matched. */
    Map<String, Object> treatmentPlan() {
        return ProcessVariables.decision(scope, TREATMENT_PLAN);
    }

    /** R8: the evaluation-forms table's single result; empty when no rule matched. */
    Map<String, Object> evaluationForms() {
        return ProcessVariables.decision(scope, EVALUATION_FORMS);
    }

    /** R3, R8: the authorised plan; Gateway_DiaryNeeded and Gateway_WhichEvaluationForm read it. */
    void authorised(Referral referral) {
        execution.setVariable(PLAN_TYPE, referral.getPlanType());
        execution.setVariable(DIARY_AFTER_EACH_TREATMENT, referral.getDiaryAfterEachTreatment());
        execution.setVariable(FINAL_FORM, referral.getFinalForm());
        treatmentsRemaining(referral.treatmentsRemaining());
        execution.removeVariable(TREATMENT_PLAN);
        execution.removeVariable(EVALUATION_FORMS);
    }

    /** Read by Gateway_TreatmentsRemaining. */
    void treatmentsRemaining(int remaining) {
        execution.setVariable(TREATMENTS_REMAINING, remaining);
    }

    /** R1: read by Gateway_PartnershipLive. */
    void partnershipLive(boolean live) {
        execution.setVariable(PARTNERSHIP_LIVE, live);
    }

    // R4: the appointment-booking form

    /** R4: the therapists the booking form's select offers, and no appointment time left from the last booking. */
    void bookingOptions(TypedValue therapistOptions) {
        execution.setVariable(THERAPIST_OPTIONS, therapistOptions);
        execution.removeVariable(APPOINTMENT_AT);
    }

    /** R4: the therapist chosen on the booking form, or none. */
    Long therapistId() {
        Object therapist = scope.getVariable(THERAPIST_ID);
        return therapist == null || therapist.toString().isBlank() ? null : Long.valueOf(therapist.toString());
    }

    LocalDateTime appointmentAt(ZoneId zone) {
        return FormValues.dateTime(scope.getVariable(APPOINTMENT_AT), zone, "R4", "The appointment time");
    }

    /** R4: the booked session; its outcome is due by the end of its day, or of today if it is already over. */
    void booked(TreatmentSession session, String therapistName, String therapistUserId, LocalDate today,
            ZoneId zone) {
        execution.setVariable(SESSION_ID, session.getId());
        execution.setVariable(SESSION_NUMBER, session.getSessionNumber());
        execution.setVariable(APPOINTMENT_AT, session.getStartsAt().toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        execution.setVariable(APPOINTMENT_AT_TEXT, DisplayDates.dateTime(session.getStartsAt()));
        // R6, R7, X1: the outcome is recorded by the end of the session's day; a session entered after it took place
        // is due by the end of today instead, so the task is not born overdue (the booking was simply late)
        execution.setVariable(SESSION_ENDS_AT, ProcessDates.endOfDayNotBefore(session.getStartsAt().toLocalDate(),
                today, zone));
        execution.setVariable(THERAPIST_NAME, therapistName);
        execution.setVariable(THERAPIST_USER_ID, therapistUserId);
    }

    Long sessionId() {
        return ProcessVariables.id(scope, SESSION_ID);
    }

    // R6, R7: the session-outcome form

    /** R6: what happened, parsed from the form's value; anything else is the caseworker's R6 sentence. */
    SessionOutcome sessionOutcome() {
        return SessionOutcome.fromFormValue(text(SESSION_OUTCOME));
    }

    LocalDateTime cancellationNotifiedAt(ZoneId zone) {
        return FormValues.dateTime(scope.getVariable(CANCELLATION_NOTIFIED_AT), zone, "R6",
                "The time the cancellation was notified");
    }

    String outcomeNotes() {
        return text(OUTCOME_NOTES);
    }

    /** R6, R7: Gateway_Attended reads sessionAttended; the cancellation-charge table reads the facts. */
    void outcomeRecorded(SessionOutcome outcome, OutcomeFacts facts, int treatmentsRemaining, long treatmentsGiven) {
        execution.setVariable(SESSION_ATTENDED, outcome == SessionOutcome.ATTENDED);
        execution.setVariable(CANCELLED_BY, facts.cancelledBy());
        execution.setVariable(NOTICE_HOURS, facts.noticeHours());
        treatmentsRemaining(treatmentsRemaining);
        execution.setVariable(TREATMENTS_GIVEN, treatmentsGiven);
    }

    /** R8, X1: when the evaluation form is due. */
    void evaluationDueAt(Date dueAt) {
        execution.setVariable(EVALUATION_DUE_AT, dueAt);
    }

    /** The next session's outcome form must start empty. */
    void clearOutcomeForm() {
        execution.removeVariable(SESSION_OUTCOME);
        execution.removeVariable(CANCELLATION_NOTIFIED_AT);
        execution.removeVariable(OUTCOME_NOTES);
    }

    /** R6, R7: the cancellation-charge table's single result; empty when no rule matched. */
    Map<String, Object> cancellationCharge() {
        return ProcessVariables.decision(scope, CANCELLATION_CHARGE);
    }

    /** The cancellation-charge table's inputs, as the model set them, for a message when no rule matched. */
    String cancellationFacts() {
        return scope.getVariable(CANCELLED_BY) + " with " + scope.getVariable(NOTICE_HOURS) + " hours' notice";
    }

    /** R6, R7: the charge applied; Gateway_Reschedule reads reschedule. */
    void chargeApplied(boolean reschedule, int treatmentsRemaining, String message) {
        execution.setVariable(RESCHEDULE, reschedule);
        treatmentsRemaining(treatmentsRemaining);
        execution.setVariable(LAST_OUTCOME_MESSAGE, message);
        execution.removeVariable(CANCELLATION_CHARGE);
    }

    boolean reschedule() {
        return Boolean.TRUE.equals(scope.getVariable(RESCHEDULE));
    }

    // R8: the treatment-diary form and the evaluation forms

    String diaryEntry() {
        return text(DIARY_ENTRY);
    }

    Integer wellbeingScore() {
        return FormValues.integer(scope.getVariable(WELLBEING_SCORE), "R8", "The wellbeing score");
    }

    /** The next diary form must start empty. */
    void clearDiaryForm() {
        execution.removeVariable(DIARY_ENTRY);
        execution.removeVariable(WELLBEING_SCORE);
    }

    /** R8: the client's evaluation (short-evaluation or final-evaluation form). */
    Evaluation evaluation() {
        Object recommend = scope.getVariable(WOULD_RECOMMEND);
        return new Evaluation(flag(CLIENT_DECLINED_EVALUATION),
                FormValues.integer(scope.getVariable(BENEFIT_RATING), "R8", "The benefit rating"),
                recommend == null ? null : FormValues.flag(recommend),
                text(EVALUATION_COMMENTS));
    }

    /** R1: how many waiting referrals the partnership's end lapsed. */
    void referralsLapsed(int lapsed) {
        execution.setVariable(REFERRALS_LAPSED, lapsed);
    }

    private String text(String name) {
        return FormValues.text(scope.getVariable(name));
    }

    private boolean flag(String name) {
        return FormValues.flag(scope.getVariable(name));
    }
}
