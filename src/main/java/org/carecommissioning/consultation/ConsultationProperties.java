package org.carecommissioning.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** U4: where safeguarding concerns from a consultation are e-mailed at once: {@code care.consultation.*}. */
@ConfigurationProperties(prefix = "care.consultation")
public record ConsultationProperties(String safeguardingEmail) {
}
