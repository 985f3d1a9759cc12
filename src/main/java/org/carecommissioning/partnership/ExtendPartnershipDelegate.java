package org.carecommissioning.partnership;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/** R1: extends the partnership to the end date agreed at the review. */
@Component("extendPartnershipDelegate")
class ExtendPartnershipDelegate implements JavaDelegate {

    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final CareProperties properties;
    private final PartnershipProperties settings;
    private final Clock clock;

    ExtendPartnershipDelegate(PartnershipService partnerships, OrganisationService organisations,
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
        Partnership partnership = partnerships.extend(variables.partnershipId(), variables.newEndDate(),
                variables.reviewNotes());
        variables.track(partnership, organisations.get(partnership.getCommissioningOrganisationId()), settings,
                properties.zone(), clock);
        variables.reviewed();
    }
}
