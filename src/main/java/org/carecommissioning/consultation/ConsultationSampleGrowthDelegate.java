package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.consultation.ConsultationVariables.MoreInterviews;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * U5: the contracts manager approved more interviews: the sample grows by the number approved, with the reason, on
 * the consultation (refused, 400, beyond the service users not yet in the sample or without a reason, and Decide on
 * more interviews stays open); the reason leaves the process variables.
 */
@Component
class ConsultationSampleGrowthDelegate implements JavaDelegate {

    private final Consultations consultations;

    ConsultationSampleGrowthDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        MoreInterviews more = variables.moreInterviews();
        variables.sampleGrown(consultations.growSample(variables.reference(), more.users(), more.reason(),
                CurrentUser.of(execution)));
    }
}
