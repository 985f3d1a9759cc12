package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * U1: plans the consultation of the start form's service: refused (400) while the service has an open one; postponed
 * to the next financial year outside the service's procurement review, when Timer_FinancialYearStarts waits for it.
 * A "Plan service-user consultation" task still waiting for the service (consultation-due) is withdrawn.
 */
@Component
class ConsultationPlanDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final ConsultationDeadlines deadlines;
    private final ConsultationScheduling scheduling;

    ConsultationPlanDelegate(Consultations consultations, ConsultationDeadlines deadlines,
            ConsultationScheduling scheduling) {
        this.consultations = consultations;
        this.deadlines = deadlines;
        this.scheduling = scheduling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Object initiator = execution.getVariable(ConsultationVariables.PLANNED_BY);
        String planner = initiator == null ? CurrentUser.of(execution) : initiator.toString();
        Consultation consultation = consultations.plan(variables.serviceCode(), planner);
        variables.planned(consultation, consultations.serviceOf(consultation),
                consultations.providerOf(consultation).getGroupId(), deadlines);
        Object plannedFrom = execution.getVariable(ConsultationVariables.PLANNED_FROM);
        scheduling.consultationPlanned(variables.serviceCode(), plannedFrom == null ? null : plannedFrom.toString());
    }
}
