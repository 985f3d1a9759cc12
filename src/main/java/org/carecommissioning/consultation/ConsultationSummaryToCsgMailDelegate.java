package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * U7, X2: the quarterly summary of the quarter that ended before today to the Core Strategy Group; the quarter is kept
 * for the commissioning body's e-mail, so a retry on another day reports the same quarter.
 */
@Component
class ConsultationSummaryToCsgMailDelegate implements JavaDelegate {

    private final ConsultationSummaryMails mails;
    private final Clock clock;

    ConsultationSummaryToCsgMailDelegate(ConsultationSummaryMails mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationQuarter quarter = ConsultationQuarter.endedBefore(LocalDate.now(clock));
        mails.toCsg(quarter);
        execution.setVariable(ConsultationSummaryMails.QUARTER, quarter.code());
    }
}
