package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C5: the agenda, at least one day before the meeting. */
@Component
class AgendaMailDelegate implements JavaDelegate {

    private final MeetingMails mails;

    AgendaMailDelegate(MeetingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.agenda(MeetingVariables.of(execution).meetingId());
    }
}
