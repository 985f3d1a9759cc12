package org.carecommissioning.consultation;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * U4: the variables of processes/consultation-escalation.bpmn, names and types in one place: references, the kind of
 * concern and the due date only. The adverse comment and the safeguarding concern stay in consultation_concern.
 */
final class EscalationVariables {

    static final String PROCESS_KEY = "consultation-escalation";

    static final String CONCERN_REFERENCE = "concernReference";
    static final String CONSULTATION_REFERENCE = "consultationReference";
    static final String CONCERN_KIND = "concernKind";
    static final String DUE_AT = "dueAt";

    private final DelegateExecution execution;

    private EscalationVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static EscalationVariables of(DelegateExecution execution) {
        return new EscalationVariables(execution);
    }

    /** The start variables of one concern's escalation. */
    static Map<String, Object> start(ConsultationConcern concern, String consultationReference, Date dueAt) {
        return Map.of(CONCERN_REFERENCE, concern.getReference(), CONSULTATION_REFERENCE, consultationReference,
                CONCERN_KIND, concern.getKind().name(), DUE_AT, dueAt);
    }

    String concernReference() {
        return (String) execution.getVariable(CONCERN_REFERENCE);
    }

    String consultationReference() {
        return (String) execution.getVariable(CONSULTATION_REFERENCE);
    }
}
