package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C7: the provider's improvement plan is the service's open actions. An action may be closed at any time,
 * without waiting for the next meeting, once the service's purchasing officer has validated it.
 */
@Service
public class ImprovementPlan {

    private final ImprovementActionRepository actions;
    private final ContractServices services;
    private final Clock clock;

    ImprovementPlan(ImprovementActionRepository actions, ContractServices services, Clock clock) {
        this.actions = actions;
        this.services = services;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ImprovementAction> openActions(String serviceCode) {
        return actions.findByServiceIdAndStatusOrderByTargetDate(services.byCode(serviceCode).getId(), ActionStatus.OPEN);
    }

    /** C7: the purchasing officer of the service validates the evidence and closes the action. */
    @Transactional
    public ImprovementAction validateAndClose(Long actionId, String officer, boolean isContractsManager, String evidence) {
        ImprovementAction action = actions.findById(actionId)
                .orElseThrow(() -> new NotFound("No improvement action with id " + actionId + "."));
        if (action.getStatus() == ActionStatus.CLOSED) {
            throw new BusinessRuleViolation("C7", "This action was already closed on " + action.getClosedOn() + ".");
        }
        ContractedService service = services.get(action.getServiceId());
        if (!isContractsManager && !service.getPurchasingOfficer().equals(officer)) {
            throw new BusinessRuleViolation("C7", "Only the purchasing officer of " + service.getServiceCode() + " ("
                    + service.getPurchasingOfficer() + ") can validate its actions.");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new BusinessRuleViolation("C7", "Record the evidence that the action is complete.");
        }
        action.closeValidated(officer, evidence.trim(), LocalDate.now(clock));
        return action;
    }
}
