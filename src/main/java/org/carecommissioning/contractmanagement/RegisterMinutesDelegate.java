package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/**
 * C5: minutes, and the actions with owner and target date that make the improvement plan (C7). The provider writes
 * the plan from every open action of the service, older ones included; it is due 2 weeks after the minutes (C7, X1).
 */
@Component
class RegisterMinutesDelegate implements JavaDelegate {

    private final MeetingService meetings;
    private final CareProperties properties;
    private final Clock clock;

    RegisterMinutesDelegate(MeetingService meetings, CareProperties properties, Clock clock) {
        this.meetings = meetings;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        MeetingService.MinutesRecorded recorded = meetings.registerMinutes(variables.meetingId(), variables.heldOn(),
                variables.minutes(), variables.actions());
        variables.minutesRegistered(recorded.actionsAgreed(), recorded.openActions());
        variables.improvementPlanDue(MeetingDeadlines.improvementPlanDue(LocalDate.now(clock)), properties.zone());
    }
}
