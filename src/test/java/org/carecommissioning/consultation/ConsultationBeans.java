package org.carecommissioning.consultation;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.contractmanagement.AnnualScheduleSection;

/**
 * The consultation package's beans that other capabilities' process tests run (the contract-management-meeting
 * process calls consultationClauseSummaryListener for its audit's "Service users" clause; the December schedule
 * e-mail carries the consultation schedule section). The beans stay package-private in production; this test-side
 * factory lets those tests build the real ones on their mocks.
 */
public final class ConsultationBeans {

    private ConsultationBeans() {
    }

    public static AnnualScheduleSection consultationScheduleSection(Consultations consultations) {
        return new ConsultationScheduleSection(consultations);
    }

    public static TaskListener consultationClauseSummary(Consultations consultations, Clock clock) {
        return new ConsultationClauseSummaryListener(consultations, clock);
    }
}
