package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** C5, C7: drafts the standard agenda with the concerns and the open improvement actions. */
@Component
class DraftAgendaDelegate implements JavaDelegate {

    private final MeetingService meetings;

    DraftAgendaDelegate(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        variables.agendaDrafted(meetings.draftAgenda(variables.meetingId()));
    }
}
