package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * U4 (consultation-schedule.bpmn): erases the names on the consent records of every consultation whose report was
 * issued 6 months ago or more (ConsultationDeadlines). Only the number of records erased goes into the process.
 */
@Component
class ConsultationNamesErasureDelegate implements JavaDelegate {

    static final String NAMES_ERASED = "consentNamesErased";

    private final Consultations consultations;

    ConsultationNamesErasureDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(NAMES_ERASED, consultations.eraseDueNames());
    }
}
