package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.referral.ReferralService.NewReferral;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
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
        Referral referral = referrals.refer(new NewReferral(
                FormValues.text(execution.getVariable("referrerUserId")),
                FormValues.text(execution.getVariable("organisationCode")),
                FormValues.text(execution.getVariable("serviceUserName")),
                FormValues.text(execution.getVariable("membershipNumber")),
                FormValues.text(execution.getVariable("serviceUserEmail")),
                FormValues.text(execution.getVariable("serviceUserPhone")),
                FormValues.text(execution.getVariable("referralReason"))));
        // The client's details now live in service_user and referral; removed in this same transaction, they are
        // never stored as variables (and the history filter keeps them out of history).
        ReferralPersonalVariables.START_FORM.forEach(execution::removeVariable);
        Partnership partnership = partnerships.get(referral.getPartnershipId());
        execution.setProcessBusinessKey(referral.getReferralNumber());
        execution.setVariable("referralId", referral.getId());
        execution.setVariable("referralNumber", referral.getReferralNumber());
        execution.setVariable("partnershipId", partnership.getId());
        execution.setVariable("commissionerGroup", referrals.commissionerGroupOf(referral.getId()));
        // the referring organisation, not the client: what the referral's task cards show beside its number
        execution.setVariable("organisationName",
                organisations.get(partnership.getCommissioningOrganisationId()).getName());
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        execution.setVariable("partnershipEndDate", partnership.getEndDate().toString());
        execution.setVariable("partnershipEndDateText", DisplayDates.date(partnership.getEndDate()));
        execution.setVariable("partnershipEndsAt", ProcessDates.endOfDay(partnership.getEndDate(), properties.zone()));
    }
}
