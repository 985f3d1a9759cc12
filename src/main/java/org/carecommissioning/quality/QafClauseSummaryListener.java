package org.carecommissioning.quality;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/**
 * Q2: when the contract management meeting's internal compliance audit opens, its QAF clause shows the service's
 * latest QAF from the QAF records ({@link QafComplianceSummary}). Used by the contract-management-meeting process;
 * lives here because it knows the returns (as performance's summary does).
 */
@Component
class QafClauseSummaryListener implements TaskListener {

    /** The read-only field on the audit form's QAF clause. */
    static final String CLAUSE_SUMMARY = "qafClauseSummary";

    private final QafComplianceSummary summary;
    private final Clock clock;

    QafClauseSummaryListener(QafComplianceSummary summary, Clock clock) {
        this.summary = summary;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String serviceCode = FormValues.text(task.getExecution().getVariable("serviceCode"));
        task.getExecution().setVariable(CLAUSE_SUMMARY, summary.forService(serviceCode, LocalDate.now(clock)));
    }
}
