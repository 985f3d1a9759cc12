package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** U7, X2: the quarterly summary of the quarter the CSG's e-mail reported to the commissioning body. */
@Component
class ConsultationSummaryToBodyMailDelegate implements JavaDelegate {

    private final ConsultationSummaryMails mails;

    ConsultationSummaryToBodyMailDelegate(ConsultationSummaryMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.toCommissioningBody(ConsultationQuarter.ofCode((String) execution.getVariable(
                ConsultationSummaryMails.QUARTER)));
    }
}
