package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** C7: the provider's written improvement plan (first or revised); the officer agrees it within 5 working days. */
@Component
class RecordImprovementPlanDelegate implements JavaDelegate {

    private final ImprovementPlan plan;
    private final WorkingDayCalendar calendar;
    private final CareProperties properties;
    private final Clock clock;

    RecordImprovementPlanDelegate(ImprovementPlan plan, WorkingDayCalendar calendar, CareProperties properties, Clock clock) {
        this.plan = plan;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        plan.write(variables.meetingId(), variables.improvementPlan(), CurrentUser.of(execution));
        // the comments stay on the plan record
        variables.planReceived(MeetingDeadlines.planAgreementDue(LocalDate.now(clock), calendar), properties.zone());
    }
}
