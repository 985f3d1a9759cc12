package org.carecommissioning.quality;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carecommissioning.quality.QafReturns.AgreedGrade;
import org.carecommissioning.quality.QafReturns.Claim;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.FinalDecision;
import org.carecommissioning.quality.QafReturns.GradesResponse;
import org.carecommissioning.quality.QafReturns.OfficerAssessment;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.quality.QafReturns.ValidationInputs;
import org.carecommissioning.quality.QafReturns.VisitFindings;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;

/**
 * The variables of processes/qaf.bpmn, names and types in one place. Form values are read here, at the edge, with
 * {@link FormValues} and {@link QafGrade#parse} (a bad value is the form's rule violation, not an engine error); the
 * delegates get typed commands and hand back typed results. The model's expressions and the forms use the same names.
 * The per-objective form fields are written out in {@link #FIELDS}, one row per objective, so each name can be found
 * by searching for it.
 */
final class QafVariables {

    static final String QAF_REFERENCE = "qafReference";
    static final String FINANCIAL_YEAR = "financialYear";
    static final String TARGET_GRADE = "targetGrade";
    static final String DUE_AT = "dueAt";
    static final String REMINDER_AT = "reminderAt";
    /** Q2: the new date of the meeting, sent with the message "Meeting moved". */
    static final String MOVED_MEETING_DATE = "movedMeetingDate";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String MORE_EVIDENCE = "more-evidence";
    static final String REQUEST_FOR_EVIDENCE = "requestForEvidence";
    static final String SUMMARY = "qafSummary";
    static final String VALIDATION_DECISION = "validationDecision";
    static final String VALIDATION_VISIT = "validationVisit";
    static final String VISIT_DATE = "visitDate";
    static final String VISIT_FINDINGS = "visitFindings";
    static final String GRADES_RESPONSE = "gradesResponse";
    static final String APPEAL_EVIDENCE = "appealEvidence";
    static final String RESPONSE_OUTCOME = "responseOutcome";
    static final String FINAL_VISIT_FIRST = "finalVisitFirst";
    static final String FINAL_VISIT_ORDERED = "finalVisitOrdered";
    static final String FINAL_DECISION_NOTE = "finalDecisionNote";
    static final String FINAL_VISIT_FINDINGS = "finalVisitFindings";
    static final String D_GRADE = "dGrade";
    static final String IMPROVEMENT_PLAN = "improvementPlan";
    static final String PLAN_OFFICER_REVIEW = "planOfficerReview";
    static final String PLAN_MANAGER_REVIEW = "planManagerReview";
    static final String IMPROVEMENT_OUTCOME = "improvementOutcome";
    static final String IMPROVED = "improved";
    static final String IMPROVEMENT_FINDINGS = "improvementFindings";
    static final String DEFAULT_NOTICE_OUTCOME = "defaultNoticeOutcome";
    static final String DEFAULT_NOTICE_REASON = "defaultNoticeReason";

    /** The form fields of one objective, on every QAF form. */
    record ObjectiveFields(String claimed, String evidenceC, String evidenceB, String evidenceA, String officerGrade,
            String officerComment, String visitGrade, String agreedGrade, String agreedReason) {
    }

    static final Map<CoreObjective, ObjectiveFields> FIELDS = Map.ofEntries(
            Map.entry(CoreObjective.C1_1, new ObjectiveFields("c11Claimed", "c11EvidenceC", "c11EvidenceB", "c11EvidenceA",
                    "c11OfficerGrade", "c11OfficerComment", "c11VisitGrade", "c11AgreedGrade", "c11AgreedReason")),
            Map.entry(CoreObjective.C1_2, new ObjectiveFields("c12Claimed", "c12EvidenceC", "c12EvidenceB", "c12EvidenceA",
                    "c12OfficerGrade", "c12OfficerComment", "c12VisitGrade", "c12AgreedGrade", "c12AgreedReason")),
            Map.entry(CoreObjective.C1_3, new ObjectiveFields("c13Claimed", "c13EvidenceC", "c13EvidenceB", "c13EvidenceA",
                    "c13OfficerGrade", "c13OfficerComment", "c13VisitGrade", "c13AgreedGrade", "c13AgreedReason")),
            Map.entry(CoreObjective.C1_4, new ObjectiveFields("c14Claimed", "c14EvidenceC", "c14EvidenceB", "c14EvidenceA",
                    "c14OfficerGrade", "c14OfficerComment", "c14VisitGrade", "c14AgreedGrade", "c14AgreedReason")),
            Map.entry(CoreObjective.C1_5, new ObjectiveFields("c15Claimed", "c15EvidenceC", "c15EvidenceB", "c15EvidenceA",
                    "c15OfficerGrade", "c15OfficerComment", "c15VisitGrade", "c15AgreedGrade", "c15AgreedReason")),
            Map.entry(CoreObjective.C1_6, new ObjectiveFields("c16Claimed", "c16EvidenceC", "c16EvidenceB", "c16EvidenceA",
                    "c16OfficerGrade", "c16OfficerComment", "c16VisitGrade", "c16AgreedGrade", "c16AgreedReason")),
            Map.entry(CoreObjective.C1_7, new ObjectiveFields("c17Claimed", "c17EvidenceC", "c17EvidenceB", "c17EvidenceA",
                    "c17OfficerGrade", "c17OfficerComment", "c17VisitGrade", "c17AgreedGrade", "c17AgreedReason")));

    private final DelegateExecution execution;

    private QafVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static QafVariables of(DelegateExecution execution) {
        return new QafVariables(execution);
    }

    /** The free-text variables (evidence, comments, reasons, findings, summary, request): kept out of history. */
    static Set<String> freeText() {
        Set<String> names = new HashSet<>(Set.of(SUMMARY, REQUEST_FOR_EVIDENCE, VISIT_FINDINGS, APPEAL_EVIDENCE,
                FINAL_DECISION_NOTE, FINAL_VISIT_FINDINGS, IMPROVEMENT_PLAN, PLAN_OFFICER_REVIEW, PLAN_MANAGER_REVIEW,
                IMPROVEMENT_FINDINGS, DEFAULT_NOTICE_REASON));
        for (CoreObjective objective : CoreObjective.values()) {
            ObjectiveFields fields = FIELDS.get(objective);
            names.addAll(Set.of(fields.evidenceC(), fields.evidenceB(), fields.evidenceA(), fields.officerComment(),
                    fields.agreedReason(), appealEvidence(objective)));
        }
        return names;
    }

    /** Q2: the purchasing officer's start form (qaf-issue). */
    record IssueRequest(String serviceCode, QafVariant variant, LocalDate meetingDate) {
    }

    IssueRequest issueRequest() {
        String variant = text("qafVariant");
        QafVariant parsed = null;
        if (variant != null) {
            try {
                parsed = QafVariant.valueOf(variant.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new BusinessRuleViolation("Q2", "\"" + variant + "\" is not a kind of QAF; choose the full QAF"
                        + " or QAF Lite.");
            }
        }
        return new IssueRequest(text("serviceCode"), parsed,
                FormValues.date(execution.getVariable("meetingDate"), "Q2", "The date of the contract management meeting"));
    }

    /** Q2: the issued QAF; its reference is the business key; X1: the provider's task is due by dueAt. */
    void issued(QafReturn qaf, String serviceName, String providerGroup, String purchasingOfficer,
            QafDeadlines deadlines) {
        execution.setProcessBusinessKey(qaf.getReference());
        execution.setVariable(QAF_REFERENCE, qaf.getReference());
        execution.setVariable("serviceName", serviceName);
        execution.setVariable("providerGroup", providerGroup);
        execution.setVariable("purchasingOfficer", purchasingOfficer);
        execution.setVariable(FINANCIAL_YEAR, qaf.getFinancialYear());
        execution.setVariable("meetingDateText", DisplayDates.date(qaf.getMeetingDate()));
        // Q4 Decision: the desk-top review is due by the meeting the QAF is for
        execution.setVariable("meetingAt", deadlines.dueAt(qaf.getMeetingDate()));
        due(qaf.getDueOn(), deadlines);
    }

    /** Q2: the meeting's new date, with the message "Meeting moved". */
    LocalDate movedMeetingDate() {
        return FormValues.date(execution.getVariable(MOVED_MEETING_DATE), "Q2", "The new date of the meeting");
    }

    /** Q2, X1: the QAF moved with its meeting: the meeting's date, the review's due date and the provider's. */
    void meetingMoved(QafReturn qaf, QafDeadlines deadlines) {
        execution.setVariable("meetingDateText", DisplayDates.date(qaf.getMeetingDate()));
        execution.setVariable("meetingAt", deadlines.dueAt(qaf.getMeetingDate()));
        execution.removeVariable(MOVED_MEETING_DATE);
        due(qaf.getDueOn(), deadlines);
    }

    /** X1: the provider's task is due by the end of {@code day}; the non-return timer fires once the day is over. */
    void due(LocalDate day, QafDeadlines deadlines) {
        execution.setVariable("dueDate", day.toString());
        execution.setVariable("dueDateText", DisplayDates.date(day));
        execution.setVariable(DUE_AT, deadlines.dueAt(day));
        execution.setVariable(REMINDER_AT, deadlines.reminderAt(day));
    }

    String reference() {
        return (String) execution.getVariable(QAF_REFERENCE);
    }

    /** Q2: the year's target level from DMN qaf-target-level; a year the table has no row for is refused. */
    String targetGrade() {
        Object grade = execution.getVariable(TARGET_GRADE);
        if (grade == null) {
            throw new IllegalStateException("DMN qaf-target-level has no row for the financial year "
                    + execution.getVariable(FINANCIAL_YEAR) + "; an analyst adds one and the job is retried.");
        }
        return grade.toString();
    }

    /** Q3: the provider's self-assessment form (qaf-self-assessment). */
    SelfAssessment selfAssessment() {
        Map<CoreObjective, Claim> claims = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            ObjectiveFields fields = FIELDS.get(objective);
            claims.put(objective, new Claim(grade(fields.claimed(), objective.label() + ": the claimed grade"),
                    raw(fields.evidenceC()), raw(fields.evidenceB()), raw(fields.evidenceA())));
        }
        return new SelfAssessment(claims, raw(SUMMARY));
    }

    /** Q3, Q4, Q5: the officer's desk-top review form (qaf-review). */
    DeskTopReview review() {
        String outcome = text(REVIEW_OUTCOME);
        if (outcome == null || !(outcome.equals("accept") || outcome.equals(MORE_EVIDENCE))) {
            throw new BusinessRuleViolation("Q4", "Choose the outcome of the review: grades recorded, or back to the"
                    + " provider for more evidence.");
        }
        Map<CoreObjective, OfficerAssessment> assessments = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            ObjectiveFields fields = FIELDS.get(objective);
            assessments.put(objective, new OfficerAssessment(grade(fields.officerGrade(),
                    objective.label() + ": your grade"), text(fields.officerComment())));
        }
        return new DeskTopReview(MORE_EVIDENCE.equals(outcome), text(REQUEST_FOR_EVIDENCE), assessments,
                flag("concernsRaised"), flag("inProcurementReview"));
    }

    /**
     * Q7: the grade the agree-grades form starts with for each objective: the visit's, else the desk-top grade; the
     * officer changes it there.
     */
    void proposeAgreedGrades(QafReturn qaf) {
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            QafGrade proposed = row.proposedGrade();
            execution.setVariable(FIELDS.get(row.getObjective()).agreedGrade(), proposed == null ? null : proposed.name());
        }
    }

    /** Q5: the inputs of DMN qaf-validation-visit, under the names the table reads. */
    void validationInputs(ValidationInputs inputs) {
        execution.setVariable("largestGradeChange", inputs.largestGradeChange());
        execution.setVariable("gradeAClaimed", inputs.gradeAClaimed());
        execution.setVariable("concernsRaised", inputs.concernsRaised());
        execution.setVariable("inProcurementReview", inputs.inProcurementReview());
        execution.setVariable("sampleDraw", inputs.sampleDraw());
    }

    /** Q5: the decision's outputs (single result of qaf-validation-visit). */
    record ValidationDecision(boolean visit, String reason) {
    }

    ValidationDecision validationDecision() {
        Object result = execution.getVariable(VALIDATION_DECISION);
        if (!(result instanceof Map<?, ?> outputs) || outputs.get("reason") == null) {
            throw new IllegalStateException("DMN qaf-validation-visit gave no result: " + result);
        }
        return new ValidationDecision(Boolean.TRUE.equals(outputs.get(VALIDATION_VISIT)), outputs.get("reason").toString());
    }

    /** Q5: read by Gateway_ValidationVisit. */
    void validationVisit(boolean visit, String reason) {
        execution.setVariable(VALIDATION_VISIT, visit);
        execution.setVariable("validationReason", reason);
    }

    /** Q5: the date agreed with the provider (qaf-visit-date form). */
    LocalDate visitDate() {
        return FormValues.date(execution.getVariable(VISIT_DATE), "Q5", "The date of the validation visit");
    }

    /** Q5, X1: the findings are due by the end of the visit day. */
    void visitPlanned(LocalDate date, QafDeadlines deadlines) {
        execution.setVariable("visitDateText", DisplayDates.date(date));
        execution.setVariable("visitAt", deadlines.dueAt(date));
    }

    /** Q5: the visit's findings and revised grades (qaf-visit-findings form). */
    VisitFindings visitFindings() {
        Map<CoreObjective, QafGrade> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            QafGrade grade = grade(FIELDS.get(objective).visitGrade(), objective.label() + ": the grade after the visit");
            if (grade != null) {
                grades.put(objective, grade);
            }
        }
        return new VisitFindings(raw(VISIT_FINDINGS), grades);
    }

    /** Q7: the agreed grades and reasons (qaf-agree-grades form). */
    Map<CoreObjective, AgreedGrade> agreedGrades() {
        Map<CoreObjective, AgreedGrade> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            ObjectiveFields fields = FIELDS.get(objective);
            grades.put(objective, new AgreedGrade(grade(fields.agreedGrade(), objective.label() + ": the agreed grade"),
                    text(fields.agreedReason())));
        }
        return grades;
    }

    /** Q7: the provider's further evidence for one objective, on the respond-to-grades form. */
    static final Map<CoreObjective, String> APPEAL_FIELDS = Map.of(CoreObjective.C1_1, "c11AppealEvidence",
            CoreObjective.C1_2, "c12AppealEvidence", CoreObjective.C1_3, "c13AppealEvidence",
            CoreObjective.C1_4, "c14AppealEvidence", CoreObjective.C1_5, "c15AppealEvidence",
            CoreObjective.C1_6, "c16AppealEvidence", CoreObjective.C1_7, "c17AppealEvidence");

    static String appealEvidence(CoreObjective objective) {
        return APPEAL_FIELDS.get(objective);
    }

    /**
     * Q7, X1: the provider answers by the end of {@code day}; the no-response timer fires once the day is over. Its
     * previous answer is cleared, so the form starts empty.
     */
    void responseDue(LocalDate day, QafDeadlines deadlines) {
        execution.setVariable("respondByText", DisplayDates.date(day));
        execution.setVariable("respondAt", deadlines.dueAt(day));
        execution.setVariable("responseOverAt", deadlines.reminderAt(day));
        execution.setVariable(GRADES_RESPONSE, null);
    }

    /** Q7: the provider's answer (qaf-respond-to-grades form). */
    GradesResponse gradesResponse() {
        String answer = text(GRADES_RESPONSE);
        if (answer == null || !(answer.equals("accept") || answer.equals("disagree"))) {
            throw new BusinessRuleViolation("Q7", "Choose whether you accept the grades or disagree.");
        }
        Map<CoreObjective, String> evidence = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            String text = raw(appealEvidence(objective));
            if (text != null) {
                evidence.put(objective, text);
            }
        }
        return new GradesResponse(answer.equals("accept"), raw(APPEAL_EVIDENCE), evidence);
    }

    /**
     * Q7: where the answer leads, read by Gateway_GradesResponse: "accepted" (final), "reconsider" (the officer) or
     * "final-decision" (the contracts manager).
     */
    void responded(QafReturn qaf, QafDeadlines deadlines) {
        String outcome = switch (qaf.getStatus()) {
            case FINAL -> "accepted";
            case DISAGREED -> "reconsider";
            case FINAL_REVIEW -> "final-decision";
            default -> throw new IllegalStateException("QAF " + qaf.getReference() + " is " + qaf.getStatus()
                    + " after the provider's answer");
        };
        execution.setVariable(RESPONSE_OUTCOME, outcome);
        if (qaf.getStatus() == QafStatus.FINAL) {
            gradesFinal(qaf, deadlines);
        }
    }

    /**
     * Q8: once final, whether any grade is D (read by Gateway_AnyDGrade) and, if so, the improvement plan's due date
     * (2 weeks later, X1).
     */
    void gradesFinal(QafReturn qaf, QafDeadlines deadlines) {
        execution.setVariable(D_GRADE, qaf.hasDGrade());
        if (qaf.getPlanDueOn() != null) {
            execution.setVariable("planDueText", DisplayDates.date(qaf.getPlanDueOn()));
            execution.setVariable("planDueAt", deadlines.dueAt(qaf.getPlanDueOn()));
        }
    }

    /** Q7: the contracts manager's final decision, or a validation visit first (qaf-final-decision form). */
    FinalDecision finalDecision() {
        return new FinalDecision(flag(FINAL_VISIT_FIRST), agreedGrades(), raw(FINAL_DECISION_NOTE));
    }

    /** Q7: read by Gateway_FinalVisitOrdered; once final, the Q8 variables. */
    void finalDecisionMade(QafReturn qaf, QafDeadlines deadlines) {
        boolean visit = qaf.getStatus() != QafStatus.FINAL;
        execution.setVariable(FINAL_VISIT_ORDERED, visit);
        if (!visit) {
            gradesFinal(qaf, deadlines);
        }
    }

    /** Q7: the findings of the visit ordered for the final decision (qaf-final-visit form). */
    String finalVisitFindings() {
        return raw(FINAL_VISIT_FINDINGS);
    }

    /** Q7: the visit is made; the decision form comes back without "visit first" ticked. */
    void finalVisitMade() {
        execution.setVariable(FINAL_VISIT_FIRST, false);
    }

    /** Q7 records: the clerk's tick and date (qaf-record-grades form). */
    record SwiftEntry(boolean entered, LocalDate on) {
    }

    SwiftEntry swiftEntry() {
        return new SwiftEntry(flag("enteredOnSwift"), FormValues.date(execution.getVariable("swiftDate"), "Q7",
                "The date entered onto Swift"));
    }

    /** Q8: the provider's plan (qaf-improvement-plan form). */
    String improvementPlan() {
        return raw(IMPROVEMENT_PLAN);
    }

    /** Q8, X1: the timer opening the validation task fires at the start of the day, one month after the plan. */
    void validationDue(LocalDate day, QafDeadlines deadlines) {
        execution.setVariable("validateOnText", DisplayDates.date(day));
        execution.setVariable("validateAt", deadlines.startOf(day));
    }

    /** Q8: the officer's or the contracts manager's review (qaf-plan-review-officer/-manager forms). */
    String planReview(boolean byManager) {
        return raw(byManager ? PLAN_MANAGER_REVIEW : PLAN_OFFICER_REVIEW);
    }

    /** Q8: the validation: improved yes or no, and the findings (qaf-validate-improvement form). */
    record ImprovementValidation(Boolean improved, String findings) {
    }

    ImprovementValidation improvementValidation() {
        String outcome = text(IMPROVEMENT_OUTCOME);
        Boolean improved = outcome == null ? null : switch (outcome) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new BusinessRuleViolation("Q8", "Say whether the service has improved: yes or no.");
        };
        return new ImprovementValidation(improved, raw(IMPROVEMENT_FINDINGS));
    }

    /** Q8: read by Gateway_Improved. */
    void improved(boolean better) {
        execution.setVariable(IMPROVED, better);
    }

    /** Q8: the default-notice decision (qaf-default-notice form). */
    record DefaultNoticeDecision(Boolean issue, String reason) {
    }

    DefaultNoticeDecision defaultNoticeDecision() {
        String outcome = text(DEFAULT_NOTICE_OUTCOME);
        Boolean issue = outcome == null ? null : switch (outcome) {
            case "issue" -> Boolean.TRUE;
            case "none" -> Boolean.FALSE;
            default -> throw new BusinessRuleViolation("Q8", "Decide whether a default notice is issued.");
        };
        return new DefaultNoticeDecision(issue, raw(DEFAULT_NOTICE_REASON));
    }

    private QafGrade grade(String name, String label) {
        return QafGrade.parse(execution.getVariable(name), label);
    }

    /** The text as typed: Q3 judges whitespace and ticks itself. */
    private String raw(String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private String text(String name) {
        return FormValues.text(execution.getVariable(name));
    }

    private boolean flag(String name) {
        return FormValues.flag(execution.getVariable(name));
    }
}
