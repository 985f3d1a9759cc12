package org.carecommissioning.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code care.consultation.*}: where safeguarding concerns from a consultation are e-mailed at once (U4), and where
 * the quarterly summary of service-user feedback goes: the Core Strategy Group and the commissioning body (U7).
 */
@ConfigurationProperties(prefix = "care.consultation")
public record ConsultationProperties(String safeguardingEmail, String csgEmail, String commissioningBodyEmail) {

    @ConstructorBinding
    public ConsultationProperties {
    }

    /** U4 only (the escalation's tests): no quarterly summary addresses. */
    public ConsultationProperties(String safeguardingEmail) {
        this(safeguardingEmail, null, null);
    }
}
