package org.carecommissioning.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Referral settings: {@code care.referral.*}. Public because invoicing charges the same treatment cost.
 *
 * @param treatmentCostPence R9: what one treatment costs (the client's contribution is at most this)
 */
@ConfigurationProperties(prefix = "care.referral")
public record ReferralProperties(int treatmentCostPence) {
}
