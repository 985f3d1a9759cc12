package org.carecommissioning.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Invoicing settings: {@code care.invoicing.*}.
 *
 * @param lateFeePence R11: the one administration fee added to an invoice unpaid after its terms
 * @param paymentTermsDays R11: days from the invoice date to its due date
 */
@ConfigurationProperties(prefix = "care.invoicing")
record InvoicingProperties(int lateFeePence, int paymentTermsDays) {
}
