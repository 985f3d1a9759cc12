package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.util.List;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.organisation.OrganisationType;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.GroupMembership;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contracted services the commissioning team monitors (C1). */
@Service
public class ContractServices {

    private final ContractedServiceRepository services;
    private final OrganisationService organisations;
    private final GroupMembership membership;

    ContractServices(ContractedServiceRepository services, OrganisationService organisations,
            GroupMembership membership) {
        this.services = services;
        this.organisations = organisations;
        this.membership = membership;
    }

    /**
     * The one rule "the service's own purchasing officer, or a contracts manager" (C7, PI1, PI7): whether the user
     * is either. Officers are not officers of one another's services (least privilege).
     */
    public boolean isOfficerOrContractsManager(String userId, ContractedService service) {
        return userId != null && (userId.equals(service.getPurchasingOfficer())
                || membership.isMember(userId, Roles.CONTRACTS_MANAGER));
    }

    /**
     * The same rule as a refusal: 403 unless the user is the service's own purchasing officer or a contracts manager;
     * {@code action} completes "Only SP102's own purchasing officer or a contracts manager ...".
     */
    public void requireOfficerOrContractsManager(String userId, ContractedService service, String action) {
        if (!isOfficerOrContractsManager(userId, service)) {
            throw new AccessDenied("Only " + service.getServiceCode() + "'s own purchasing officer or a contracts"
                    + " manager " + action + ".");
        }
    }

    @Transactional
    public ContractedService register(String serviceCode, String name, String providerCode, String primaryClientGroup,
            String serviceType, PriorityLevel priorityLevel, String purchasingOfficer, LocalDate firstMeetingDue) {
        if (services.findByServiceCode(serviceCode).isPresent()) {
            throw new BusinessRuleViolation("C1", "Service " + serviceCode + " is already registered.");
        }
        Organisation provider = organisations.findByCode(providerCode)
                .filter(o -> o.getType() == OrganisationType.PROVIDER)
                .orElseThrow(() -> new BusinessRuleViolation("C1", "There is no provider with code " + providerCode + "."));
        return services.save(new ContractedService(serviceCode, name, provider.getId(), primaryClientGroup, serviceType,
                priorityLevel, purchasingOfficer, firstMeetingDue));
    }

    @Transactional(readOnly = true)
    public ContractedService byCode(String serviceCode) {
        return services.findByServiceCode(serviceCode == null ? "" : serviceCode.trim())
                .orElseThrow(() -> new BusinessRuleViolation("C2", "There is no contracted service with code "
                        + serviceCode + "."));
    }

    @Transactional(readOnly = true)
    public ContractedService get(Long id) {
        return services.findById(id).orElseThrow(() -> new NotFound("No contracted service with id " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<ContractedService> all() {
        return services.findAllByOrderByServiceCode();
    }

    @Transactional(readOnly = true)
    public Organisation providerOf(ContractedService service) {
        return organisations.get(service.getProviderOrganisationId());
    }
}
