package org.carecommissioning.contractmanagement;

import java.util.List;

/**
 * C1: a section another capability adds to the December e-mail of next year's contract management meeting schedule
 * (for example the service-user consultations due that year, U1). Contract management collects every such bean and
 * knows nothing of the capabilities behind them, so it depends on none of them.
 */
public interface AnnualScheduleSection {

    /** The section's heading in the e-mail of the schedule of calendar year {@code year}. */
    String title(int year);

    /** The section's lines for the schedule of calendar year {@code year}; empty when there is nothing to list. */
    List<String> lines(int year);
}
