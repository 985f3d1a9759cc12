package org.carecommissioning.performance;

import java.math.BigDecimal;

/**
 * PI1: the fields of a workbook's contract page that vary per year (the service and provider names come from
 * the contracted service). {@code plannedDuration} is UNDER_2 or OVER_2 years.
 */
public record ContractPage(String dccCode, String administeringAuthority, int units, String plannedDuration,
        boolean outOfHoursCover, String contractManager, BigDecimal frontLineHours, BigDecimal managementHours,
        BigDecimal otherHours) {

    /** Whether two pages say the same, whatever the scale of their hours (80 and 80.00 are the same hours). */
    public boolean sameAs(ContractPage other) {
        return normalised().equals(other.normalised());
    }

    private ContractPage normalised() {
        return new ContractPage(dccCode, administeringAuthority, units, plannedDuration, outOfHoursCover, contractManager,
                strip(frontLineHours), strip(managementHours), strip(otherHours));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
