package org.carecommissioning.contractmanagement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where contract-management letters and reports go: {@code care.contract-management.*}. */
@ConfigurationProperties(prefix = "care.contract-management")
public record ContractManagementProperties(String contractsManagerEmail, String csgEmail, String commissioningBodyEmail,
        int feedbackDays) {
}
