package org.carecommissioning.partnership;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/** R1, R5: records a new partnership from the start form; the reference becomes the business key. */
@Component("enterIntoPartnershipDelegate")
class EnterIntoPartnershipDelegate implements JavaDelegate {

    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final CareProperties properties;
    private final PartnershipProperties settings;
    private final Clock clock;

    EnterIntoPartnershipDelegate(PartnershipService partnerships, OrganisationService organisations,
            CareProperties properties, PartnershipProperties settings, Clock clock) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PartnershipVariables variables = PartnershipVariables.of(execution);
        PartnershipVariables.Application application = variables.application();
        Partnership partnership = partnerships.enterInto(application.organisationCode(),
                application.organisationName(), application.organisationEmail(), application.startDate(),
                application.treatmentMinutes());
        execution.setProcessBusinessKey(partnership.getReference());
        variables.track(partnership, organisations.get(partnership.getCommissioningOrganisationId()), settings,
                properties.zone(), clock);
    }
}
