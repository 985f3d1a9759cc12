package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C5: the agenda as the officer finalised it. */
@Component
class RecordAgendaDelegate implements JavaDelegate {

    private final MeetingService meetings;

    RecordAgendaDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        meetings.sendAgenda(variables.meetingId(), variables.agenda());
    }
}
