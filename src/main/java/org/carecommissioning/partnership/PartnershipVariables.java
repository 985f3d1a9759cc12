package org.carecommissioning.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;

/** The references and dates the partnership-term process carries for a partnership. */
final class PartnershipVariables {

    private PartnershipVariables() {
    }

    static Map<String, Object> of(Partnership partnership, Organisation organisation, PartnershipProperties settings,
            ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewFrom = partnership.getEndDate().minusDays(settings.reviewNoticeDays());
        Date reviewStartsAt = ProcessDates.startOfDay(reviewFrom.isBefore(today) ? today : reviewFrom, zone);
        return Map.of(
                "partnershipId", partnership.getId(),
                "partnershipReference", partnership.getReference(),
                "organisationName", organisation.getName(),
                "commissionerGroup", organisation.getGroupId(),
                "partnershipEndDate", partnership.getEndDate().toString(),
                "partnershipEndDateText", DisplayDates.date(partnership.getEndDate()),
                // R1, X1: the review is due on the last day (shown in Tasklist); the term is over, and its timers
                // fire, once that day has ended
                "partnershipEndsAt", ProcessDates.endOfDay(partnership.getEndDate(), zone),
                "partnershipOverAt", ProcessDates.dayOver(partnership.getEndDate(), zone),
                "reviewStartsAt", reviewStartsAt);
    }
}
