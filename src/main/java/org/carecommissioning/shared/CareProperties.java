package org.carecommissioning.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code care.*}; see the configuration reference in the README. */
@ConfigurationProperties(prefix = "care")
public record CareProperties(
        ZoneId zone,
        Admin admin,
        Mail mail,
        Provider provider,
        int treatmentCostPence,
        int lateFeePence,
        int paymentTermsDays,
        int partnershipReviewNoticeDays) {

    public record Admin(String userId, String password) {
    }

    public record Mail(String from, String providerCoordinator) {
    }

    public record Provider(String name, String address) {
    }
}
