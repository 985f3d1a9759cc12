package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/** R2: records the referral; its number becomes the business key Cockpit shows. */
@Component("registerReferralDelegate")
class RegisterReferralDelegate implements JavaDelegate {

    private final ReferralService referrals;
    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final CareProperties properties;

    RegisterReferralDelegate(ReferralService referrals, PartnershipService partnerships,
            OrganisationService organisations, CareProperties properties) {
        this.referrals = referrals;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralVariables variables = ReferralVariables.of(execution);
        Referral referral = referrals.refer(variables.newReferral());
        Partnership partnership = partnerships.get(referral.getPartnershipId());
        variables.registered(referral, partnership, referrals.commissionerGroupOf(referral.getId()),
                organisations.get(partnership.getCommissioningOrganisationId()).getName(), properties.zone());
    }
}
