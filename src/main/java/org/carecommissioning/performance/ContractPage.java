package org.carecommissioning.performance;

import java.math.BigDecimal;

/**
 * PI1: the fields of a workbook's contract page that vary per year (the service and provider names come from
 * the contracted service). {@code plannedDuration} is UNDER_2 or OVER_2 years.
 */
public record ContractPage(String dccCode, String administeringAuthority, int units, String plannedDuration,
        boolean outOfHoursCover, String contractManager, BigDecimal frontLineHours, BigDecimal managementHours,
        BigDecimal otherHours) {
}
