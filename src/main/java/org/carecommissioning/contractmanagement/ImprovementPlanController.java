package org.carecommissioning.contractmanagement;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * C7: the improvement plan over the authenticated API. The provider sees its own services' plans; the
 * commissioning team sees all; a purchasing officer closes an action as soon as they have validated it.
 */
@RestController
class ImprovementPlanController {

    private final ImprovementPlan plan;
    private final ContractServices services;
    private final IdentityService identityService;

    ImprovementPlanController(ImprovementPlan plan, ContractServices services, IdentityService identityService) {
        this.plan = plan;
        this.services = services;
        this.identityService = identityService;
    }

    @GetMapping("/api/services/{serviceCode}/improvement-plan")
    List<Map<String, Object>> openActions(@PathVariable String serviceCode) {
        ContractedService service = services.byCode(serviceCode);
        List<String> groups = groups();
        boolean team = groups.contains(Roles.PURCHASING_OFFICER) || groups.contains(Roles.CONTRACTS_MANAGER)
                || groups.contains(Roles.ADMIN);
        if (!team && !groups.contains(services.providerOf(service).getGroupId())) {
            throw new AccessDenied("Only the commissioning team and the service's own provider can see its plan.");
        }
        return plan.openActions(serviceCode).stream().map(ImprovementPlanController::view).toList();
    }

    @PostMapping("/api/improvement-actions/{actionId}/close")
    Map<String, Object> close(@PathVariable Long actionId, @RequestBody Map<String, String> body) {
        List<String> groups = groups();
        boolean manager = groups.contains(Roles.CONTRACTS_MANAGER);
        if (!manager && !groups.contains(Roles.PURCHASING_OFFICER)) {
            throw new AccessDenied("Only a purchasing officer can validate and close an improvement action.");
        }
        return view(plan.validateAndClose(actionId, identityService.getCurrentAuthentication().getUserId(), manager,
                body.get("evidence")));
    }

    private static Map<String, Object> view(ImprovementAction action) {
        return Map.of("id", action.getId(), "description", action.getDescription(), "owner", action.getOwner(),
                "targetDate", action.getTargetDate().toString(), "status", action.getStatus().name());
    }

    private List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }
}
