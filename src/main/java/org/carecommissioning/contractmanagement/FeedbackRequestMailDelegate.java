package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C8: the survey on the meeting process. */
@Component
class FeedbackRequestMailDelegate implements JavaDelegate {

    private final MeetingMails mails;

    FeedbackRequestMailDelegate(MeetingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.feedbackRequest(MeetingVariables.of(execution).meetingId());
    }
}
