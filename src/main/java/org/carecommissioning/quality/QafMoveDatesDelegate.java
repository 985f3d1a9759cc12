package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q2, X1: the meeting moved before the self-assessment came in: the QAF's dates move with it. */
@Component
class QafMoveDatesDelegate implements JavaDelegate {

    private final QafScheduling scheduling;
    private final QafDeadlines deadlines;

    QafMoveDatesDelegate(QafScheduling scheduling, QafDeadlines deadlines) {
        this.scheduling = scheduling;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        variables.meetingMoved(scheduling.moveToMeeting(variables.reference(), variables.movedMeetingDate()), deadlines);
    }
}
