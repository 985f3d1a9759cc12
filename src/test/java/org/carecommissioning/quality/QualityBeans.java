package org.carecommissioning.quality;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The quality package's listeners that other capabilities' process tests run (the contract-management-meeting
 * process calls qafClauseSummaryListener for its audit's QAF clause). The beans stay package-private in production;
 * this test-side factory lets those tests build the real ones on their mocks.
 */
public final class QualityBeans {

    private QualityBeans() {
    }

    public static TaskListener qafClauseSummary(QafComplianceSummary summary, Clock clock) {
        return new QafClauseSummaryListener(summary, clock);
    }
}
