package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C1, C8: each month, the previous month's meetings planned, held and the percentage kept to schedule. */
@Component
class MonthlyScheduleReportMailDelegate implements JavaDelegate {

    private final ScheduleMails mails;

    MonthlyScheduleReportMailDelegate(ScheduleMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.monthlyReport();
    }
}
