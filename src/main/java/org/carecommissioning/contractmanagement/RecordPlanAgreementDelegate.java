package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * C7: the purchasing officer agrees the plan, or returns it to the provider with what to change; a returned plan is
 * due again 2 weeks later (X1), as the first one was after the minutes.
 */
@Component
class RecordPlanAgreementDelegate implements JavaDelegate {

    private final ImprovementPlan plan;
    private final CareProperties properties;
    private final Clock clock;

    RecordPlanAgreementDelegate(ImprovementPlan plan, CareProperties properties, Clock clock) {
        this.plan = plan;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingVariables variables = MeetingVariables.of(execution);
        boolean agreed = plan.decide(variables.meetingId(), CurrentUser.of(execution), variables.planDecision(),
                variables.planReviewComments());
        variables.planAgreed(agreed);
        if (!agreed) {
            variables.improvementPlanDue(MeetingDeadlines.improvementPlanDue(LocalDate.now(clock)), properties.zone());
        }
    }
}
