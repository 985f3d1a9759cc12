package org.carecommissioning.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-cutting settings under {@code care.*} (who we are, where and when); each capability's own settings are in
 * its own properties ({@code care.referral.*}, {@code care.invoicing.*}, ...). See the configuration reference in the
 * README.
 */
@ConfigurationProperties(prefix = "care")
public record CareProperties(
        ZoneId zone,
        Admin admin,
        Mail mail,
        Provider provider) {

    public record Admin(String userId, String password) {
    }

    public record Mail(String from, String providerCoordinator) {
    }

    public record Provider(String name, String address) {
    }
}
