package org.carecommissioning.consultation;

import java.time.LocalDate;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.Scenario;

/**
 * The world of the consultation's application tests: a provider, its contracted service with its purchasing officer,
 * and the people around its consultation (a contracts manager, an SP manager, another officer, the provider's staff).
 * Public for the PostgreSQL integration test (integration.ConsultationPostgresIT).
 */
public record ConsultedService(String code, String serviceCode, String officer, String manager, String spManager,
        String otherOfficer, String providerUser) {

    public static ConsultedService create(Scenario scenario, OrganisationService organisations, ContractServices services,
            String prefix) {
        String code = Scenario.uniqueCode(prefix);
        String id = code.toLowerCase();
        ConsultedService world = new ConsultedService(code, "S" + code, "po-" + id, "cm-" + id, "spm-" + id,
                "po2-" + id, "prov-" + id);
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                id + "@p.example"));
        scenario.user(world.officer(), "purchasing-officer");
        scenario.user(world.otherOfficer(), "purchasing-officer");
        scenario.user(world.manager(), "contracts-manager");
        scenario.user(world.spManager(), "sp-manager");
        scenario.user(world.providerUser(), "provider", provider.getGroupId());
        scenario.asSystem(() -> services.register(world.serviceCode(), "Service " + code, code, "Older people",
                "Sheltered housing", PriorityLevel.GREEN, world.officer(), LocalDate.of(2027, 9, 1)));
        return world;
    }

    /** U1, U2: a consultation of the service planned by its officer, proposed with a sample of 5 and agreed. */
    String agreedConsultation(Consultations consultations, ConsultationMethod method, int serviceUsers) {
        String reference = consultations.plan(serviceCode, officer).getReference();
        consultations.proposeApproach(reference, method, serviceUsers, 5, false, 5, officer);
        consultations.agreeApproach(reference, null, null, null, manager);
        return reference;
    }
}
