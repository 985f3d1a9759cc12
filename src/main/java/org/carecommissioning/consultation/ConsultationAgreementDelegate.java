package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.consultation.ConsultationVariables.Agreement;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * U2: records the contracts manager's agreement, or the changed method or sample; a sample below the minimum without
 * the manager's reason is refused (400) and the task stays open. U3: the short-notice reason (ongoing concerns) is
 * stored on the consultation, and the reasons' free text leaves the process variables.
 */
@Component
class ConsultationAgreementDelegate implements JavaDelegate {

    private final Consultations consultations;

    ConsultationAgreementDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Agreement agreement = variables.agreement();
        Consultation consultation = consultations.agreeApproach(variables.reference(), agreement.method(),
                agreement.sampleSize(), agreement.reason(), agreement.shortNoticeReason(), CurrentUser.of(execution));
        variables.agreed(consultation);
    }
}
