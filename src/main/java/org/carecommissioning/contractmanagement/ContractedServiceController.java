package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.GroupMembership;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * C1: the commissioning team registers the services it monitors, each with its priority level, its purchasing
 * officer and the date its next meeting is due; the wait to plan that meeting starts at once.
 */
@RestController
class ContractedServiceController {

    private final ContractServices services;
    private final MeetingPlanning planning;
    private final Caller caller;
    private final SystemAuthority system;
    private final GroupMembership membership;
    private final Clock clock;

    ContractedServiceController(ContractServices services, MeetingPlanning planning, Caller caller,
            SystemAuthority system, GroupMembership membership, Clock clock) {
        this.services = services;
        this.planning = planning;
        this.caller = caller;
        this.system = system;
        this.membership = membership;
        this.clock = clock;
    }

    @PostMapping("/api/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> register(@Valid @RequestBody NewService request) {
        requireTeam("Only purchasing officers and the contracts manager register contracted services.");
        if (!membership.isMember(request.purchasingOfficer(), Roles.PURCHASING_OFFICER)) {
            throw new BusinessRuleViolation("C1", "\"" + request.purchasingOfficer() + "\" is not a purchasing officer.");
        }
        FormValues.plausibleDate(request.nextMeetingDue(), "C1", "The date the next meeting is due");
        if (request.nextMeetingDue() != null && request.nextMeetingDue().isBefore(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("C1", "The next meeting cannot be due in the past ("
                    + request.nextMeetingDue() + ").");
        }
        ContractedService service = services.register(request.serviceCode().trim(), request.name().trim(),
                request.providerCode().trim(), request.primaryClientGroup().trim(), request.serviceType().trim(),
                PriorityLevel.parse(request.priorityLevel()), request.purchasingOfficer(), request.nextMeetingDue());
        Map<String, Object> view = view(service);
        if (service.getNextMeetingDue() != null) {
            // the planning process is the system's: officers claim its task, they need not be able to start it
            view.put("nextMeetingPlanning", system.call(() -> planning.scheduleNext(service.getServiceCode())));
        }
        return view;
    }

    @GetMapping("/api/services")
    List<Map<String, Object>> list() {
        requireTeam("Only the commissioning team sees every contracted service.");
        return services.all().stream().map(ContractedServiceController::view).toList();
    }

    private void requireTeam(String refusal) {
        caller.requireAnyOf(refusal, Roles.PURCHASING_OFFICER, Roles.CONTRACTS_MANAGER, Roles.ADMIN);
    }

    private static Map<String, Object> view(ContractedService service) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("serviceCode", service.getServiceCode());
        view.put("name", service.getName());
        view.put("priorityLevel", service.getPriorityLevel().name());
        view.put("purchasingOfficer", service.getPurchasingOfficer());
        view.put("nextMeetingDue", service.getNextMeetingDue() == null ? null : service.getNextMeetingDue().toString());
        return view;
    }

    record NewService(
            @NotBlank(message = "Give the service code, for example SP102.")
            @Size(max = ContractLimits.SERVICE_CODE, message = "The service code is at most {max} characters.")
            String serviceCode,
            @NotBlank(message = "Give the service's name.")
            @Size(max = ContractLimits.SERVICE_NAME, message = "The service's name is at most {max} characters.")
            String name,
            @NotBlank(message = "Give the provider's organisation code.")
            @Size(max = ContractLimits.PROVIDER_CODE, message = "The provider's code is at most {max} characters.")
            String providerCode,
            @NotBlank(message = "Give the primary client group.")
            @Size(max = ContractLimits.CLIENT_GROUP, message = "The primary client group is at most {max} characters.")
            String primaryClientGroup,
            @NotBlank(message = "Give the service type.")
            @Size(max = ContractLimits.SERVICE_TYPE, message = "The service type is at most {max} characters.")
            String serviceType,
            @NotBlank(message = "Give the priority level: GREEN, AMBER or RED.")
            @Size(max = 5, message = "Give the priority level: GREEN, AMBER or RED.") String priorityLevel,
            @NotBlank(message = "Name the service's purchasing officer (a user id).")
            @Size(max = ContractLimits.USER_ID, message = "The purchasing officer's user id is at most {max} characters.")
            String purchasingOfficer,
            @NotNull(message = "Give the date the next contract management meeting is due.") LocalDate nextMeetingDue) {
    }
}
