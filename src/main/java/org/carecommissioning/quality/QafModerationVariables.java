package org.carecommissioning.quality;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.quality.QafModeration.Change;
import org.carecommissioning.quality.QafModeration.Decision;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;

/**
 * The variables of processes/qaf-moderation.bpmn (Q6), names and types in one place: the year from the start form
 * (or the timer's run: the current financial year), the references drawn (the multi-instance collection), the task's
 * due date, and the moderation form's fields. The form's read-only values (service, officer, grades) are task-local
 * variables set when the task is created, from the tables.
 */
final class QafModerationVariables {

    static final String FINANCIAL_YEAR = "financialYear";
    static final String SAMPLE = "moderationSample";
    static final String SAMPLE_SIZE = "moderationSampleSize";
    static final String MODERATE_AT = "moderateAt";
    static final String QAF_REFERENCE = "qafReference";
    static final String OUTCOME = "moderationOutcome";
    static final String AGREE = "agree";
    static final String CHANGE = "change";

    /** Q6: the moderation form's fields of one objective. */
    record ModerationFields(String moderatedGrade, String reason) {
    }

    static final Map<CoreObjective, ModerationFields> FIELDS = Map.ofEntries(
            Map.entry(CoreObjective.C1_1, new ModerationFields("c11ModeratedGrade", "c11ModerationReason")),
            Map.entry(CoreObjective.C1_2, new ModerationFields("c12ModeratedGrade", "c12ModerationReason")),
            Map.entry(CoreObjective.C1_3, new ModerationFields("c13ModeratedGrade", "c13ModerationReason")),
            Map.entry(CoreObjective.C1_4, new ModerationFields("c14ModeratedGrade", "c14ModerationReason")),
            Map.entry(CoreObjective.C1_5, new ModerationFields("c15ModeratedGrade", "c15ModerationReason")),
            Map.entry(CoreObjective.C1_6, new ModerationFields("c16ModeratedGrade", "c16ModerationReason")),
            Map.entry(CoreObjective.C1_7, new ModerationFields("c17ModeratedGrade", "c17ModerationReason")));

    private final DelegateExecution execution;

    private QafModerationVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static QafModerationVariables of(DelegateExecution execution) {
        return new QafModerationVariables(execution);
    }

    /** The reasons: free text, kept out of history (QafModerationPersonalVariables). */
    static Set<String> freeText() {
        Set<String> names = new HashSet<>();
        FIELDS.values().forEach(fields -> names.add(fields.reason()));
        return names;
    }

    /** Q6: the year from the start form; the timer's run (no form) moderates the current financial year. */
    QafYear year(LocalDate today) {
        String year = FormValues.text(execution.getVariable(FINANCIAL_YEAR));
        return year == null ? QafYear.of(today) : QafYear.parse(year, "Q6");
    }

    /** Q6, X1: the QAFs drawn (read by Gateway_AnyDrawn and the multi-instance), due 4 weeks later. */
    void drawn(QafYear year, List<QafModerationRecord> drawn, QafDeadlines deadlines, LocalDate dueOn) {
        execution.setVariable(FINANCIAL_YEAR, year.toString());
        execution.setVariable(SAMPLE, new java.util.ArrayList<>(drawn.stream()
                .map(record -> record.getQafReturn().getReference()).toList()));
        execution.setVariable(SAMPLE_SIZE, drawn.size());
        execution.setVariable("moderateByText", DisplayDates.date(dueOn));
        execution.setVariable(MODERATE_AT, deadlines.dueAt(dueOn));
    }

    QafYear drawnYear() {
        return QafYear.parse(execution.getVariable(FINANCIAL_YEAR), "Q6");
    }

    /** The QAF of this instance of the multi-instance. */
    String reference() {
        return (String) execution.getVariable(QAF_REFERENCE);
    }

    /** Q6: the moderation form (qaf-moderation). */
    Decision decision() {
        String outcome = FormValues.text(execution.getVariable(OUTCOME));
        if (!AGREE.equals(outcome) && !CHANGE.equals(outcome)) {
            throw new BusinessRuleViolation("Q6", "Choose whether you agree with the grades or change them.");
        }
        Map<CoreObjective, Change> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            ModerationFields fields = FIELDS.get(objective);
            grades.put(objective, new Change(QafGrade.parse(execution.getVariable(fields.moderatedGrade()),
                    objective.label() + ": the moderated grade"), FormValues.text(execution.getVariable(fields.reason()))));
        }
        return new Decision(AGREE.equals(outcome), grades);
    }

    /**
     * Q6: the read-only values the moderation form shows, as the task's own variables: the service, the officer who
     * reviewed the QAF, and per objective the provider's claim, the officer's grade and the agreed grade.
     */
    static void display(DelegateTask task, QafModerationRecord record, ContractedService service) {
        QafReturn qaf = record.getQafReturn();
        task.setVariableLocal("serviceName", service.getName() + " (" + service.getServiceCode() + ")");
        task.setVariableLocal("reviewingOfficer", record.getOfficer());
        task.setVariableLocal("reviewedOn", qaf.getReviewedAt() == null ? "" : DisplayDates.date(qaf.getReviewedAt()
                .toLocalDate()));
        task.setVariableLocal("validationReason", qaf.getValidationReason() == null ? "" : qaf.getValidationReason());
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            QafVariables.ObjectiveFields fields = QafVariables.FIELDS.get(row.getObjective());
            task.setVariableLocal(fields.claimed(), name(row.getClaimedGrade()));
            task.setVariableLocal(fields.officerGrade(), name(row.proposedGrade()));
            task.setVariableLocal(fields.agreedGrade(), name(row.getAgreedGrade()));
        }
    }

    private static String name(QafGrade grade) {
        return grade == null ? "-" : grade.name();
    }
}
