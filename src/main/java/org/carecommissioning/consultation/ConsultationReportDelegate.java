package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.consultation.ConsultationVariables.Report;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * U6: the officer's report (headline, text, adverse comments or complaints) is stored on the consultation; its free
 * text leaves the process variables, and the approval gateway reads whether it is adverse. A missing or over-long
 * headline or text is refused (400) and Write report stays open.
 */
@Component
class ConsultationReportDelegate implements JavaDelegate {

    private final ConsultationReports reports;

    ConsultationReportDelegate(ConsultationReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Report report = variables.report();
        variables.reportRecorded(reports.writeReport(variables.reference(), report.headline(), report.text(),
                report.adverse(), CurrentUser.of(execution)));
    }
}
