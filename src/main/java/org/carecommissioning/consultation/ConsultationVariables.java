package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;

/**
 * The variables of processes/service-user-consultation.bpmn, names and types in one place. Form values are read here,
 * at the edge, with {@link FormValues} (a bad value is the form's rule violation, 400, not an engine error); the
 * delegates get typed values and hand back typed results. No participant is ever named in a variable: consents and
 * answers are recorded over the API (ConsultationController) into the application's tables.
 */
final class ConsultationVariables {

    static final String PROCESS_KEY = "service-user-consultation";

    static final String SERVICE_CODE = "serviceCode";
    static final String PLANNED_BY = "plannedBy";
    /** U1: the consultation-due instance whose plan task started this consultation; absent from the start form. */
    static final String PLANNED_FROM = "plannedFrom";
    static final String REFERENCE = "consultationReference";
    static final String SERVICE_NAME = "serviceName";
    static final String PROVIDER_GROUP = "providerGroup";
    static final String PURCHASING_OFFICER = "purchasingOfficer";
    static final String FINANCIAL_YEAR = "financialYear";
    static final String POSTPONED = "postponed";
    static final String HELD_FROM_AT = "heldFromAt";
    static final String METHOD = "consultationMethod";
    static final String SERVICE_USERS = "serviceUsers";
    static final String PROPOSED_SAMPLE = "proposedSample";
    static final String SAMPLE_DECISION = "sampleSizeDecision";
    static final String MINIMUM_TO_CONTACT = "minimumToContact";
    static final String QUESTIONNAIRES_ONLY = "questionnairesOnly";
    static final String SAMPLE_SIZE = "sampleSize";
    static final String AGREED_METHOD = "agreedMethod";
    static final String AGREED_SAMPLE = "agreedSample";
    static final String SAMPLE_REASON = "sampleReason";
    static final String SHORT_NOTICE_REASON = "shortNoticeReason";
    static final String BY_QUESTIONNAIRE = "byQuestionnaire";
    static final String CLOSING_DATE = "closingDate";
    static final String CLOSING_AT = "closingAt";
    static final String EARLIEST_MEETING_DATE = "earliestMeetingDate";
    static final String ALL_RECORDED = "allQuestionnairesRecorded";
    static final String LAST_MEETING_DATE = "lastMeetingDate";
    static final String EVERY_CONSENT = "everyParticipantConsented";
    /** U5: adverse comments were made at the meetings (the officer's tick, then with any complaint raised). */
    static final String ADVERSE_COMMENTS = "adverseComments";
    /** U5: the contracts manager's decision on more interviews: approve or decline (Gateway_MoreInterviews). */
    static final String MORE_INTERVIEWS = "moreInterviews";
    static final String ADDITIONAL_USERS = "additionalUsers";
    static final String MORE_INTERVIEWS_REASON = "moreInterviewsReason";
    static final String REPORT_DUE_AT = "reportDueAt";
    static final String REPORT_DUE_TEXT = "reportDueText";
    static final String REPORT_HEADLINE = "reportHeadline";
    static final String REPORT_TEXT = "reportText";
    /** U6: the officer says the report holds adverse comments or complaints (consultation-report form). */
    static final String REPORT_ADVERSE = "reportAdverse";
    static final String REPORT_DECISION = "reportDecision";
    /** U6: every role the report needs approved its current version; Gateway_ReportApproved reads it. */
    static final String REPORT_APPROVED = "reportApproved";

    private final DelegateExecution execution;

    private ConsultationVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static ConsultationVariables of(DelegateExecution execution) {
        return new ConsultationVariables(execution);
    }

    /**
     * The free text kept out of history (ConsultationPersonalVariables): the contracts manager's reasons for a
     * smaller sample, for short notice and for more interviews, and the report's headline and text, any of which could describe a person.
     * Each is stored with the consultation and removed from the variables once stored; history keeps references,
     * numbers and decisions.
     */
    static Set<String> freeText() {
        return Set.of(SAMPLE_REASON, SHORT_NOTICE_REASON, MORE_INTERVIEWS_REASON, REPORT_HEADLINE, REPORT_TEXT);
    }

    /** U1: the service code of the start form (consultation-start). */
    String serviceCode() {
        return FormValues.text(execution.getVariable(SERVICE_CODE));
    }

    /** U1: the planned consultation; its reference is the business key. */
    void planned(Consultation consultation, ContractedService service, String providerGroup,
            ConsultationDeadlines deadlines) {
        execution.setProcessBusinessKey(consultation.getReference());
        execution.setVariable(REFERENCE, consultation.getReference());
        execution.setVariable(SERVICE_NAME, service.getName());
        execution.setVariable(PROVIDER_GROUP, providerGroup);
        execution.setVariable(PURCHASING_OFFICER, service.getPurchasingOfficer());
        execution.setVariable(FINANCIAL_YEAR, consultation.getFinancialYear());
        execution.setVariable(POSTPONED, consultation.isPostponed());
        execution.setVariable(HELD_FROM_AT,
                deadlines.startOf(ConsultationDeadlines.firstDayOf(consultation.getFinancialYear())));
    }

    String reference() {
        return (String) execution.getVariable(REFERENCE);
    }

    /** U2: the officer's proposal (consultation-propose form) and the consultation-sample-size decision's result. */
    record Proposal(ConsultationMethod method, Integer serviceUsers, Integer minimumToContact,
            Boolean questionnairesOnly, Integer proposedSample) {
    }

    Proposal proposal() {
        Map<String, Object> decision = ProcessVariables.decision(execution, SAMPLE_DECISION);
        Object minimum = decision.get(MINIMUM_TO_CONTACT);
        Object only = decision.get(QUESTIONNAIRES_ONLY);
        return new Proposal(method(METHOD), FormValues.integer(execution.getVariable(SERVICE_USERS), "U2",
                "The number of service users"), minimum instanceof Number number ? number.intValue() : null,
                only instanceof Boolean flag ? flag : null,
                FormValues.integer(execution.getVariable(PROPOSED_SAMPLE), "U2", "The proposed sample"));
    }

    /** U2: the proposal form, checked before the decision table: a method, and 0 or more service users. */
    void checkProposalForm() {
        if (method(METHOD) == null) {
            throw new BusinessRuleViolation("U2", "Choose the method: questionnaire, informal gathering, small group"
                    + " or individual interview.");
        }
        Integer users = FormValues.integer(execution.getVariable(SERVICE_USERS), "U2", "The number of service users");
        execution.setVariable(SERVICE_USERS, Consultations.serviceUsers(users));
    }

    /** U2: what the contracts manager's form shows: the decision's minimum and the sample proposed. */
    void proposed(Consultation consultation) {
        execution.setVariable(METHOD, consultation.getMethod().name());
        execution.setVariable(MINIMUM_TO_CONTACT, consultation.getMinimumToContact());
        execution.setVariable(QUESTIONNAIRES_ONLY, consultation.isQuestionnairesOnly());
        execution.setVariable(SAMPLE_SIZE, consultation.getSampleSize());
    }

    /**
     * U2, U3: the contracts manager's agreement (consultation-agree form); empty fields keep the proposal. The
     * short-notice reason is null when the month's notice applies.
     */
    record Agreement(ConsultationMethod method, Integer sampleSize, String reason, String shortNoticeReason) {
    }

    Agreement agreement() {
        return new Agreement(method(AGREED_METHOD), FormValues.integer(execution.getVariable(AGREED_SAMPLE), "U2",
                "The agreed sample"), raw(SAMPLE_REASON), raw(SHORT_NOTICE_REASON));
    }

    /**
     * U2: the agreed approach; Gateway_Method reads byQuestionnaire. U3: the reasons are stored on the consultation
     * now, so their free text does not stay a process variable.
     */
    void agreed(Consultation consultation) {
        execution.setVariable(METHOD, consultation.getMethod().name());
        execution.setVariable(SAMPLE_SIZE, consultation.getSampleSize());
        execution.setVariable(BY_QUESTIONNAIRE, consultation.getMethod() == ConsultationMethod.QUESTIONNAIRE);
        execution.removeVariable(SAMPLE_REASON);
        execution.removeVariable(SHORT_NOTICE_REASON);
    }

    /** Seed 6.1, X1: the questionnaires close on {@code day}; the officer's recording task is due then. */
    void questionnairesOut(LocalDate day, ConsultationDeadlines deadlines) {
        execution.setVariable(CLOSING_DATE, day.toString());
        execution.setVariable(CLOSING_AT, deadlines.dueAt(day));
    }

    LocalDate closingDate() {
        return LocalDate.parse((String) execution.getVariable(CLOSING_DATE));
    }

    /** U3: the earliest day the provider may hold a meeting or interview. */
    void meetingsFrom(LocalDate day) {
        execution.setVariable(EARLIEST_MEETING_DATE, day.toString());
    }

    /** U3: the earliest day the provider was told it may hold a meeting or interview. */
    LocalDate earliestMeetingDate() {
        return LocalDate.parse((String) execution.getVariable(EARLIEST_MEETING_DATE));
    }

    /** Seed 6.1: the officer confirms every returned questionnaire is recorded (consultation-questionnaires form). */
    boolean allQuestionnairesRecorded() {
        return FormValues.flag(execution.getVariable(ALL_RECORDED));
    }

    /** U3: the officer confirms every participant has a signed consent (consultation-meeting form). */
    boolean everyParticipantConsented() {
        return FormValues.flag(execution.getVariable(EVERY_CONSENT));
    }

    LocalDate lastMeetingDate() {
        LocalDate date = FormValues.date(execution.getVariable(LAST_MEETING_DATE), "U6",
                "The date of the last meeting or interview");
        if (date == null) {
            throw new BusinessRuleViolation("U6", "Give the date of the last meeting or interview; the report is due"
                    + " 6 weeks after it.");
        }
        return FormValues.plausibleDate(date, "U6", "The date of the last meeting or interview");
    }

    /** U5: the officer says adverse comments were made at the meetings (consultation-meeting form). */
    boolean adverseCommentsSaid() {
        return FormValues.flag(execution.getVariable(ADVERSE_COMMENTS));
    }

    /** U5: adverse comments were made or a complaint raised; Gateway_MeetingsAdverse reads it. */
    void adverseComments(boolean adverse) {
        execution.setVariable(ADVERSE_COMMENTS, adverse);
    }

    /** U5: the contracts manager's approval of more interviews (consultation-more-interviews form). */
    record MoreInterviews(Integer users, String reason) {
    }

    MoreInterviews moreInterviews() {
        return new MoreInterviews(FormValues.integer(execution.getVariable(ADDITIONAL_USERS), "U5",
                "The number of more service users"), raw(MORE_INTERVIEWS_REASON));
    }

    /** U5: the sample grew; the reason is stored on the consultation and leaves the process variables. */
    void sampleGrown(Consultation consultation) {
        execution.setVariable(SAMPLE_SIZE, consultation.getSampleSize());
        execution.removeVariable(MORE_INTERVIEWS_REASON);
    }

    /** U6, X1: the report is due by the end of {@code day}. */
    void reportDue(LocalDate day, ConsultationDeadlines deadlines) {
        execution.setVariable(REPORT_DUE_AT, deadlines.dueAt(day));
        execution.setVariable(REPORT_DUE_TEXT, DisplayDates.date(day));
    }

    /** U6: the report as the officer wrote it (consultation-report form); the service checks it. */
    record Report(String headline, String text, boolean adverse) {
    }

    Report report() {
        return new Report(raw(REPORT_HEADLINE), raw(REPORT_TEXT), FormValues.flag(execution.getVariable(REPORT_ADVERSE)));
    }

    /** U6: the report written so far (sent back by an approver) fills the Write report form again; none at first. */
    void reportDraft(Consultation consultation) {
        if (consultation.getReportText() != null) {
            execution.setVariable(REPORT_HEADLINE, consultation.getReportHeadline());
            execution.setVariable(REPORT_TEXT, consultation.getReportText());
            execution.setVariable(REPORT_ADVERSE, consultation.isReportAdverse());
        }
    }

    /**
     * U6: the report is stored on the consultation: its headline and text leave the process variables, and
     * Gateway_ReportAdverse reads whether it holds adverse comments or complaints (the officer's word or a complaint
     * raised).
     */
    void reportRecorded(Consultation consultation) {
        execution.removeVariable(REPORT_HEADLINE);
        execution.removeVariable(REPORT_TEXT);
        execution.setVariable(REPORT_ADVERSE, consultation.isReportAdverse());
    }

    /** U6: an approver's decision (consultation-approve-report form): approve or revise; null when not chosen. */
    ReportDecision reportDecision() {
        String value = raw(REPORT_DECISION);
        if (value == null) {
            return null;
        }
        try {
            return ReportDecision.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BusinessRuleViolation("U6", "\"" + value + "\" is not a decision on the report; choose approve"
                    + " or revise.");
        }
    }

    /** U6: every required role approved the current version of the report. */
    void reportApproved(boolean approved) {
        execution.setVariable(REPORT_APPROVED, approved);
    }

    private ConsultationMethod method(String name) {
        String value = FormValues.text(execution.getVariable(name));
        if (value == null) {
            return null;
        }
        try {
            return ConsultationMethod.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new BusinessRuleViolation("U2", "\"" + value + "\" is not a method; choose questionnaire, informal"
                    + " gathering, small group or individual interview.");
        }
    }

    private String raw(String name) {
        return FormValues.text(execution.getVariable(name));
    }
}
