package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/**
 * U1, U7: when the contract management meeting's internal compliance audit opens, its "Service users" clause shows
 * when the service's users were last consulted, the report's headline, when the next consultation is due and the
 * consultation under way ({@link Consultations#clauseSummary}). Used by the contract-management-meeting process;
 * lives here because it knows the consultations (as quality.QafClauseSummaryListener knows the QAF returns).
 */
@Component
class ConsultationClauseSummaryListener implements TaskListener {

    /** The read-only field on the audit form's "Service users" clause. */
    static final String CLAUSE_SUMMARY = "serviceUsersClauseSummary";

    private final Consultations consultations;
    private final Clock clock;

    ConsultationClauseSummaryListener(Consultations consultations, Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String serviceCode = FormValues.text(task.getExecution().getVariable("serviceCode"));
        task.getExecution().setVariable(CLAUSE_SUMMARY, consultations.clauseSummary(serviceCode, LocalDate.now(clock)));
    }
}
