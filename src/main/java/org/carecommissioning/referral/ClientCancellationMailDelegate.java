package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * X2, R6, R7: the client is told their appointment is cancelled and what happens next. A missed appointment
 * (did not attend) sends nothing: there is no change to tell the client about.
 */
@Component("clientCancellationMailDelegate")
class ClientCancellationMailDelegate implements JavaDelegate {

    private final ClientMails mails;

    ClientCancellationMailDelegate(ClientMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        mails.cancelled(variables.sessionId(), variables.reschedule());
    }
}
