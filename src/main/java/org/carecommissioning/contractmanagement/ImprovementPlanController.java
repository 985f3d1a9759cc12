package org.carecommissioning.contractmanagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * C7: the improvement plan over the authenticated API. The provider sees its own services' plans and keeps them up
 * to date with its progress on each action; the commissioning team sees all; a purchasing officer closes an action
 * as soon as they have validated it.
 */
@RestController
class ImprovementPlanController {

    private final ImprovementPlan plan;
    private final ContractServices services;
    private final Caller caller;

    ImprovementPlanController(ImprovementPlan plan, ContractServices services, Caller caller) {
        this.plan = plan;
        this.services = services;
        this.caller = caller;
    }

    @GetMapping("/api/services/{serviceCode}/improvement-plan")
    List<Map<String, Object>> openActions(@PathVariable String serviceCode) {
        ContractedService service = services.byCode(serviceCode);
        boolean team = caller.isAnyOf(Roles.PURCHASING_OFFICER, Roles.CONTRACTS_MANAGER, Roles.ADMIN);
        if (!team && !caller.isIn(services.providerOf(service).getGroupId())) {
            throw new AccessDenied("Only the commissioning team and the service's own provider can see its plan.");
        }
        return plan.openActions(serviceCode).stream().map(ImprovementPlanController::view).toList();
    }

    @PostMapping("/api/improvement-actions/{actionId}/close")
    Map<String, Object> close(@PathVariable Long actionId, @RequestBody ActionEvidence body) {
        caller.requireAnyOf("Only a purchasing officer can validate and close an improvement action.",
                Roles.CONTRACTS_MANAGER, Roles.PURCHASING_OFFICER);
        boolean manager = caller.isIn(Roles.CONTRACTS_MANAGER);
        return view(plan.validateAndClose(actionId, caller.userId(), manager, body.evidence()));
    }

    /** C7: the provider's own staff (group {@code pr-<code>}) record progress on an open action. */
    @PostMapping("/api/improvement-actions/{actionId}/progress")
    Map<String, Object> progress(@PathVariable Long actionId, @RequestBody ActionProgress body) {
        ContractedService service = services.get(plan.action(actionId).getServiceId());
        if (!caller.isIn(services.providerOf(service).getGroupId())) {
            throw new AccessDenied("Only the staff of " + service.getServiceCode()
                    + "'s own provider keep its improvement plan up to date.");
        }
        return view(plan.updateProgress(actionId, body.note(), caller.userId()));
    }

    private static Map<String, Object> view(ImprovementAction action) {
        // the progress fields are empty until the provider writes one: Map.of takes no nulls
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", action.getId());
        view.put("description", action.getDescription());
        view.put("owner", action.getOwner());
        view.put("targetDate", action.getTargetDate().toString());
        view.put("status", action.getStatus().name());
        view.put("progressNote", action.getProgressNote());
        view.put("progressUpdatedBy", action.getProgressUpdatedBy());
        view.put("progressUpdatedAt", action.getProgressUpdatedAt() == null ? null
                : action.getProgressUpdatedAt().toString());
        return view;
    }
}
