package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * U6: after every required approver decided, whether all of them approved this version of the report; any revise
 * sends it back to Write report, and the revised report is approved again by every role it needs.
 */
@Component
class ConsultationReportApprovedDelegate implements JavaDelegate {

    private final ConsultationReports reports;

    ConsultationReportApprovedDelegate(ConsultationReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        variables.reportApproved(reports.approved(variables.reference()));
    }
}
