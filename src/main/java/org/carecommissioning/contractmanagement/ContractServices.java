package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.util.List;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.organisation.OrganisationType;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contracted services the commissioning team monitors (C1). */
@Service
public class ContractServices {

    private final ContractedServiceRepository services;
    private final OrganisationService organisations;

    ContractServices(ContractedServiceRepository services, OrganisationService organisations) {
        this.services = services;
        this.organisations = organisations;
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
