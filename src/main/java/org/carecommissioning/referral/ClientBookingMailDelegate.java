package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * X2: the client is e-mailed the appointment booked for them (also a new time after a cancellation), as the
 * referral form promises. Only a client with an e-mail address in the tables gets one.
 */
@Component("clientBookingMailDelegate")
class ClientBookingMailDelegate implements JavaDelegate {

    private final ClientMails mails;

    ClientBookingMailDelegate(ClientMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.booked(ReferralVariables.of(execution).sessionId());
    }
}
