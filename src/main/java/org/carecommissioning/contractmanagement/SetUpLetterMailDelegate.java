package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C2: the set-up letter, at least 4 weeks before the meeting. */
@Component
class SetUpLetterMailDelegate implements JavaDelegate {

    private final MeetingMails mails;

    SetUpLetterMailDelegate(MeetingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.setUpLetter(MeetingVariables.of(execution).meetingId());
    }
}
