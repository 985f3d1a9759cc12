package org.carecommissioning.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** R2, X2: the written notice of the client's name and treatment count reaches the provider's coordinator. */
@Component("referralAuthorisedMailDelegate")
class ReferralAuthorisedMailDelegate implements JavaDelegate {

    private final ReferralService referrals;
    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final NotificationService notifications;
    private final CareProperties properties;

    ReferralAuthorisedMailDelegate(ReferralService referrals, PartnershipService partnerships,
            OrganisationService organisations, NotificationService notifications, CareProperties properties) {
        this.referrals = referrals;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.get(ReferralVariables.of(execution).referralId());
        Partnership partnership = partnerships.get(referral.getPartnershipId());
        ServiceUser client = referral.getServiceUser();
        String contact = client.getPhone() != null ? client.getPhone()
                : client.getEmail() != null ? client.getEmail() : "via the referring organisation";
        notifications.send(Email.of(properties.mail().providerCoordinator(), "referral-authorised", Map.of(
                "referralNumber", referral.getReferralNumber(),
                "organisationName", organisations.get(client.getCommissioningOrganisationId()).getName(),
                "treatments", referral.getTreatmentsAuthorised(),
                "planType", referral.getPlanType(),
                "serviceUserName", client.getFullName(),
                "partnershipReference", partnership.getReference(),
                "serviceUserContact", contact,
                "clientContribution", Money.format(referral.getClientContributionPence()),
                "partnershipEndDate", DisplayDates.date(partnership.getEndDate()))));
    }
}
