package org.carecommissioning.partnership;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partnership settings: {@code care.partnership.*}.
 *
 * @param reviewNoticeDays days before a partnership ends that its review starts
 */
@ConfigurationProperties(prefix = "care.partnership")
record PartnershipProperties(int reviewNoticeDays) {
}
