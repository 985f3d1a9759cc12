package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** C8: the provider's survey answers. */
@Component
class RecordFeedbackDelegate implements JavaDelegate {

    private final MeetingService meetings;

    RecordFeedbackDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        meetings.recordFeedback(variables.meetingId(), CurrentUser.of(execution),
                variables.rating("preparationRating", "The preparation rating"),
                variables.rating("conductRating", "The conduct rating"),
                variables.rating("usefulnessRating", "The usefulness rating"),
                variables.feedbackComments());
    }
}
