package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** U1, U6: the report is issued: the consultation is closed and the service's next one falls due in 2 years. */
@Component
class ConsultationReportIssuedDelegate implements JavaDelegate {

    private final Consultations consultations;

    ConsultationReportIssuedDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        consultations.reportIssued(ConsultationVariables.of(execution).reference());
    }
}
