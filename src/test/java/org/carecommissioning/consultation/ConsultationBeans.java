package org.carecommissioning.consultation;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The consultation package's listeners that other capabilities' process tests run (the contract-management-meeting
 * process calls consultationClauseSummaryListener for its audit's "Service users" clause). The beans stay
 * package-private in production; this test-side factory lets those tests build the real ones on their mocks.
 */
public final class ConsultationBeans {

    private ConsultationBeans() {
    }

    public static TaskListener consultationClauseSummary(Consultations consultations, Clock clock) {
        return new ConsultationClauseSummaryListener(consultations, clock);
    }
}
