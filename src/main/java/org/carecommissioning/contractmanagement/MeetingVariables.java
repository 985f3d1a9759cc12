package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.shared.WorkingDayCalendar;

/**
 * The variables of processes/contract-management-meeting.bpmn, names and types in one place: the references,
 * display values and deadlines the process carries (X1), and each form's values, read here at the edge with
 * {@link FormValues} (a bad value is the form's rule violation, not an engine error). The model's expressions use
 * the same names.
 */
final class MeetingVariables {

    static final String MEETING_ID = "meetingId";
    static final String MEETING_REFERENCE = "meetingReference";
    static final String SERVICE_CODE = "serviceCode";
    static final String MEETING_DATE = "meetingDate";
    static final String PLANNED_FROM = "plannedFrom";
    static final String PRIORITY_LEVEL = "priorityLevel";
    static final String RISK_CLAUSES = "riskClauses";
    static final String RISK_CLAUSE_CODES = "riskClauseCodes";
    static final String CONCERN_COUNT = "concernCount";
    static final String RISK_SUMMARY = "riskSummary";
    static final String CLAUSE_CODE = "clauseCode";
    static final String CLAUSE_TITLE = "clauseTitle";
    static final String CLAUSE_RISK = "clauseRisk";
    static final String CLAUSE_COMMENTS = "clauseComments";
    static final String MANAGER_NOTE = "managerNote";
    static final String HOLD_COMPLIANCE_AUDIT = "holdComplianceAudit";
    static final String ESCALATED_CLAUSES = "escalatedClauses";
    static final String RISK_ESCALATED = "riskEscalated";
    static final String AGENDA = "agenda";
    static final String OPEN_ACTIONS = "openActions";
    static final String ACTIONS_AGREED = "actionsAgreed";
    static final String OPEN_ACTION_COUNT = "openActionCount";
    static final String IMPROVEMENT_PLAN = "improvementPlan";
    static final String IMPROVEMENT_PLAN_DUE_AT = "improvementPlanDueAt";
    static final String PLAN_AGREEMENT_DUE_AT = "planAgreementDueAt";
    static final String PLAN_DECISION = "planDecision";
    static final String PLAN_AGREED = "planAgreed";
    static final String PLAN_REVIEW_COMMENTS = "planReviewComments";
    static final String MONTHS_BETWEEN_MEETINGS = "monthsBetweenMeetings";
    static final String MOVED_TO_RED = "movedToRed";
    static final String NEXT_MEETING_DUE = "nextMeetingDue";
    static final String NEXT_MEETING_DUE_TEXT = "nextMeetingDueText";
    static final String NEXT_MEETING_PLANNING = "nextMeetingPlanning";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;

    private MeetingVariables(VariableScope scope) {
        this.scope = scope;
    }

    static MeetingVariables of(VariableScope scope) {
        return new MeetingVariables(scope);
    }

    /**
     * C2, X1: the variables of a planned meeting, with every preparation deadline (MeetingDeadlines), each due by
     * the end of its day (ProcessDates.endOfDay), the date Tasklist shows.
     */
    static Map<String, Object> planned(Meeting meeting, Organisation provider, WorkingDayCalendar calendar,
            ZoneId zone) {
        LocalDate date = meeting.getMeetingDate();
        UnaryOperator<LocalDate> workingDayOnOrBefore = calendar::workingDayOnOrBefore;
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ID, meeting.getId());
        variables.put(MEETING_REFERENCE, meeting.getReference());
        variables.put(SERVICE_CODE, meeting.getService().getServiceCode());
        variables.put("serviceName", meeting.getService().getName());
        variables.put("providerName", provider.getName());
        variables.put("providerGroup", provider.getGroupId());
        variables.put("purchasingOfficer", meeting.getService().getPurchasingOfficer());
        variables.put(PRIORITY_LEVEL, meeting.getService().getPriorityLevel().name());
        variables.put(MEETING_DATE, date.toString());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        variables.put("meetingDateText", DisplayDates.date(date));
        variables.put("internalAuditDueAt",
                ProcessDates.endOfDay(MeetingDeadlines.internalAuditDue(date, workingDayOnOrBefore), zone));
        variables.put("auditDecisionDueAt",
                ProcessDates.endOfDay(MeetingDeadlines.auditDecisionDue(date, workingDayOnOrBefore), zone));
        variables.put("providerAuditDueAt",
                ProcessDates.endOfDay(MeetingDeadlines.providerAuditDue(date, workingDayOnOrBefore), zone));
        variables.put("agendaDueAt", ProcessDates.endOfDay(MeetingDeadlines.agendaDue(date, workingDayOnOrBefore), zone));
        variables.put("minutesDueAt", ProcessDates.endOfDay(MeetingDeadlines.minutesDue(date, calendar), zone));
        return variables;
    }

    static JsonValue jsonList(List<String> values) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(values)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- references -------------------------------------------------------------------------------------------

    Long meetingId() {
        return ProcessVariables.id(scope, MEETING_ID);
    }

    String serviceCode() {
        return text(SERVICE_CODE);
    }

    /** C2: the date on the start form. */
    LocalDate meetingDate() {
        return FormValues.date(scope.getVariable(MEETING_DATE), "C2", "The meeting date");
    }

    /** C1: the planning process that started this meeting, if any. */
    String plannedFrom() {
        return (String) scope.getVariable(PLANNED_FROM);
    }

    /** Every variable of the scope, for the checklist forms whose names follow the clause codes. */
    Map<String, Object> all() {
        return scope.getVariables();
    }

    // --- C3, C4 -----------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    List<String> riskClauseCodes() {
        Object codes = scope.getVariable(RISK_CLAUSE_CODES);
        return codes == null ? List.of() : (List<String>) codes;
    }

    String clauseCode() {
        return (String) scope.getVariable(CLAUSE_CODE);
    }

    String managerNote() {
        return text(MANAGER_NOTE);
    }

    /** C4: the contracts manager's decision form. */
    MeetingService.AuditDecision auditDecision() {
        return new MeetingService.AuditDecision(flag(HOLD_COMPLIANCE_AUDIT), flag("involveServiceUsers"),
                flag("involveStaff"), flag("involveStakeholders"), text("stakeholderContact"), text("decisionReason"));
    }

    void auditDecided(boolean hold) {
        scope.setVariable(HOLD_COMPLIANCE_AUDIT, hold);
    }

    @SuppressWarnings("unchecked")
    List<String> escalatedClauses() {
        Object escalated = scope.getVariable(ESCALATED_CLAUSES);
        return escalated instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(escalated));
    }

    void riskAssessed(MeetingService.RiskAssessment assessment) {
        scope.setVariable(RISK_CLAUSES, jsonList(assessment.concerns()));
        scope.setVariable(RISK_CLAUSE_CODES, new ArrayList<>(assessment.concerns()));
        scope.setVariable(CONCERN_COUNT, assessment.concerns().size());
        riskSummary(assessment.riskSummary());
        assessment.risks().forEach((code, risk) -> scope.setVariable(code + "Risk", risk.name()));
    }

    void risksRevised(List<String> escalated, List<String> riskSummary) {
        scope.setVariable(ESCALATED_CLAUSES, new ArrayList<>(escalated));
        scope.setVariable(RISK_ESCALATED, !escalated.isEmpty());
        riskSummary(riskSummary);
    }

    void riskSummary(List<String> lines) {
        scope.setVariable(RISK_SUMMARY, String.join("\n", lines));
    }

    // --- C5 ---------------------------------------------------------------------------------------------------

    String agenda() {
        return text(AGENDA);
    }

    void agendaDrafted(MeetingService.AgendaDraft draft) {
        scope.setVariable(AGENDA, draft.agenda());
        scope.setVariable(OPEN_ACTIONS, String.join("\n", draft.openActions()));
        riskSummary(draft.riskSummary());
    }

    LocalDate heldOn() {
        return FormValues.date(scope.getVariable("heldOn"), "C5", "The date the meeting was held");
    }

    String minutes() {
        return text("minutes");
    }

    String actions() {
        return text("actions");
    }

    void minutesRegistered(int actionsAgreed, List<String> openActions) {
        scope.setVariable(ACTIONS_AGREED, actionsAgreed);
        scope.setVariable(OPEN_ACTION_COUNT, openActions.size());
        scope.setVariable(OPEN_ACTIONS, String.join("\n", openActions));
    }

    // --- C7 ---------------------------------------------------------------------------------------------------

    String improvementPlan() {
        return text(IMPROVEMENT_PLAN);
    }

    /** C7: the purchasing officer's decision on the plan, refused unless it is agree or revise. */
    PlanAgreement planDecision() {
        return PlanAgreement.parse(text(PLAN_DECISION));
    }

    String planReviewComments() {
        return text(PLAN_REVIEW_COMMENTS);
    }

    void improvementPlanDue(LocalDate day, ZoneId zone) {
        scope.setVariable(IMPROVEMENT_PLAN_DUE_AT, ProcessDates.endOfDay(day, zone));
    }

    /** C7: a plan was received; the officer's form starts without the previous round's decision. */
    void planReceived(LocalDate agreementDue, ZoneId zone) {
        scope.setVariable(PLAN_AGREEMENT_DUE_AT, ProcessDates.endOfDay(agreementDue, zone));
        scope.removeVariable(PLAN_DECISION);
        scope.removeVariable(PLAN_AGREED);
        scope.removeVariable(PLAN_REVIEW_COMMENTS);
    }

    void planAgreed(boolean agreed) {
        scope.setVariable(PLAN_AGREED, agreed);
    }

    // --- C1, C6 -----------------------------------------------------------------------------------------------

    PriorityLevel newPriorityLevel() {
        return PriorityLevel.parse(text("newPriorityLevel"));
    }

    String priorityReason() {
        return text("priorityReason");
    }

    boolean unannouncedAudits() {
        return flag("unannouncedAudits");
    }

    /** C1, X3: the months the cmm-frequency table gives for the new level; 0 when it gave none. */
    int monthsBetweenMeetings() {
        return scope.getVariable(MONTHS_BETWEEN_MEETINGS) instanceof Number n ? n.intValue() : 0;
    }

    void priorityApplied(PriorityLevel level, boolean movedToRed, LocalDate nextMeetingDue) {
        scope.setVariable(MOVED_TO_RED, movedToRed);
        scope.setVariable(NEXT_MEETING_DUE, nextMeetingDue.toString());
        scope.setVariable(NEXT_MEETING_DUE_TEXT, DisplayDates.date(nextMeetingDue));
        scope.setVariable(PRIORITY_LEVEL, level.name());
    }

    /** C1: the business key of the process that waits to plan the next meeting. */
    void nextMeetingPlanning(String businessKey) {
        scope.setVariable(NEXT_MEETING_PLANNING, businessKey);
    }

    /** C6: the default-notice decision form, "yes" or "no". */
    boolean issueDefaultNotice() {
        return "yes".equals(text("issueDefaultNotice"));
    }

    String defaultNoticeReason() {
        return text("defaultNoticeReason");
    }

    // --- C8 ---------------------------------------------------------------------------------------------------

    Integer rating(String name, String label) {
        return FormValues.integer(scope.getVariable(name), "C8", label);
    }

    String feedbackComments() {
        return text("feedbackComments");
    }

    private String text(String name) {
        return FormValues.text(scope.getVariable(name));
    }

    private boolean flag(String name) {
        return FormValues.flag(scope.getVariable(name));
    }
}
