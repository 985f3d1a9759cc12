package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.consultation.ConsultationVariables.Proposal;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** U2: records the officer's proposed approach with the consultation-sample-size decision's minimum. */
@Component
class ConsultationProposalDelegate implements JavaDelegate {

    private final Consultations consultations;

    ConsultationProposalDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Proposal proposal = variables.proposal();
        Consultation consultation = consultations.proposeApproach(variables.reference(), proposal.method(),
                proposal.serviceUsers(), proposal.minimumToContact(), proposal.questionnairesOnly(),
                proposal.proposedSample(), CurrentUser.of(execution));
        variables.proposed(consultation);
    }
}
