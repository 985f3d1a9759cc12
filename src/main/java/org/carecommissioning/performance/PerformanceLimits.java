package org.carecommissioning.performance;

import java.math.BigDecimal;

/**
 * The one declared limit of each free-text field of workbooks and PI returns: the entity's column (V4 and V6
 * migrations, the same widths), the service's check (which the form, the CSV upload and the API all pass
 * through) and the return form's maxLength use it, so an over-long value is refused with its limit named.
 */
final class PerformanceLimits {

    static final int DCC_CODE = 20;
    static final int ADMINISTERING_AUTHORITY = 100;
    static final int CONTRACT_MANAGER = 100;
    static final int CHANGE_REASON = 2000;
    static final int UNITS_CHANGE_EXPLANATION = 2000;
    static final int LOCAL_PIS = 4000;
    static final int PROVIDER_COMMENTS = 4000;
    static final int EXTENSION_REASON = 2000;
    /** Staffing hours are NUMERIC(7,2): up to 99999.99 with at most two decimals. */
    static final BigDecimal MAX_HOURS = new BigDecimal("99999.99");
    static final int HOURS_DECIMALS = 2;

    private PerformanceLimits() {
    }
}
