package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;

/**
 * The performance package's delegates that other capabilities' process tests run (the contract-management-meeting
 * process calls performanceSummaryDelegate for its 12-month summary). The beans stay package-private in production;
 * this test-side factory lets those tests build the real ones on their mocks.
 */
public final class PerformanceBeans {

    private PerformanceBeans() {
    }

    public static JavaDelegate performanceSummary(PiReturns returns, ContractServices services) {
        return new PerformanceSummaryDelegate(returns, services);
    }
}
