package org.carecommissioning.consultation;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carecommissioning.consultation.ConsultationConcerns.Outcome;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;

/**
 * U4: the variables of processes/consultation-escalation.bpmn, names and types in one place: references, the kind of
 * concern and the due date, then the outcome the task's form records. The adverse comment and the safeguarding
 * concern stay in consultation_concern; the account of what was done is free text kept out of history
 * (EscalationPersonalVariables) and stored on the concern.
 */
final class EscalationVariables {

    static final String PROCESS_KEY = "consultation-escalation";

    static final String CONCERN_REFERENCE = "concernReference";
    static final String CONSULTATION_REFERENCE = "consultationReference";
    static final String CONCERN_KIND = "concernKind";
    static final String DUE_AT = "dueAt";
    static final String DUE_TEXT = "dueText";
    /** U4: the safeguarding form's action taken (consultation-safeguarding-action), a {@link ConcernOutcome} name. */
    static final String SAFEGUARDING_ACTION = "safeguardingAction";
    static final String OUTCOME_NOTE = "outcomeNote";
    static final String ACTED_ON = "actedOn";
    /** U4: the complaint form's reference in the complaints procedure (consultation-complaint-handover). */
    static final String COMPLAINT_CASE_REFERENCE = "complaintCaseReference";
    static final String HANDED_OVER_ON = "handedOverOn";

    private final DelegateExecution execution;

    private EscalationVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static EscalationVariables of(DelegateExecution execution) {
        return new EscalationVariables(execution);
    }

    /** The start variables of one concern's escalation; the due date also as the forms show it. */
    static Map<String, Object> start(ConsultationConcern concern, String consultationReference, Date dueAt) {
        return Map.of(CONCERN_REFERENCE, concern.getReference(), CONSULTATION_REFERENCE, consultationReference,
                CONCERN_KIND, concern.getKind().name(), DUE_AT, dueAt, DUE_TEXT, DisplayDates.date(concern.getDueOn()));
    }

    /** The free text kept out of history: the account of what was done, which could describe a person. */
    static Set<String> freeText() {
        return Set.of(OUTCOME_NOTE);
    }

    String concernReference() {
        return (String) execution.getVariable(CONCERN_REFERENCE);
    }

    String consultationReference() {
        return (String) execution.getVariable(CONSULTATION_REFERENCE);
    }

    /** U4: the outcome the completed task's form records; a safeguarding concern's or a complaint's fields. */
    Outcome outcome() {
        if (ConcernKind.COMPLAINT.name().equals(execution.getVariable(CONCERN_KIND))) {
            return new Outcome(ConcernOutcome.HANDED_TO_COMPLAINTS_PROCEDURE, null, FormValues.date(
                    execution.getVariable(HANDED_OVER_ON), "U4", "The date the complaint was handed over"),
                    FormValues.text(execution.getVariable(COMPLAINT_CASE_REFERENCE)));
        }
        return new Outcome(action(), FormValues.text(execution.getVariable(OUTCOME_NOTE)), FormValues.date(
                execution.getVariable(ACTED_ON), "U4", "The date the action was taken"), null);
    }

    /** U4: the outcome is stored on the concern; the account leaves the running process too, not only its history. */
    void outcomeRecorded() {
        execution.removeVariable(OUTCOME_NOTE);
    }

    private ConcernOutcome action() {
        String value = FormValues.text(execution.getVariable(SAFEGUARDING_ACTION));
        if (value == null) {
            return null;
        }
        try {
            ConcernOutcome action = ConcernOutcome.valueOf(value.toUpperCase(Locale.ROOT));
            return action.kind() == ConcernKind.SAFEGUARDING ? action : null;
        } catch (IllegalArgumentException unknown) {
            throw new BusinessRuleViolation("U4", "\"" + value + "\" is not an action on a safeguarding concern.");
        }
    }
}
