package org.carecommissioning.partnership;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** R1, X2: tells the commissioning organisation that the partnership's review is due. */
@Component("partnershipReviewMailDelegate")
class PartnershipReviewMailDelegate implements JavaDelegate {

    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final NotificationService notifications;
    private final CareProperties properties;

    PartnershipReviewMailDelegate(PartnershipService partnerships, OrganisationService organisations,
            NotificationService notifications, CareProperties properties) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Partnership partnership = partnerships.get(ProcessVariables.id(execution, "partnershipId"));
        Organisation organisation = organisations.get(partnership.getCommissioningOrganisationId());
        notifications.send(Email.of(organisation.getEmail(), "partnership-review-due", Map.of(
                "organisationName", organisation.getName(),
                "partnershipReference", partnership.getReference(),
                "partnershipEndDate", DisplayDates.date(partnership.getEndDate()),
                "providerName", properties.provider().name())));
    }
}
