package org.carecommissioning.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/** Seed 6.1, U6: the returned questionnaires are recorded; the report is due 6 weeks after the closing date. */
@Component
class ConsultationQuestionnairesDelegate implements JavaDelegate {

    private final ConsultationDeadlines deadlines;

    ConsultationQuestionnairesDelegate(ConsultationDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        if (!variables.allQuestionnairesRecorded()) {
            throw new BusinessRuleViolation("U4", "Record each returned questionnaire, then confirm that all are"
                    + " recorded.");
        }
        variables.reportDue(deadlines.reportDueOn(variables.closingDate()), deadlines);
    }
}
