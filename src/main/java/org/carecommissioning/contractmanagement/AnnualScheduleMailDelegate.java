package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C1: each December, the next year's schedule as a CSV attachment. */
@Component
class AnnualScheduleMailDelegate implements JavaDelegate {

    private final ScheduleMails mails;

    AnnualScheduleMailDelegate(ScheduleMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.annualSchedule();
    }
}
