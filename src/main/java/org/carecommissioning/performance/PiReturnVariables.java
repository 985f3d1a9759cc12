package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carecommissioning.performance.PiReturn.Submission;
import org.carecommissioning.performance.PiReturns.Check;
import org.carecommissioning.performance.PiReturns.CheckFindings;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;

/**
 * The variables of processes/pi-return.bpmn, names and types in one place. Form values are read here, at the
 * edge, with {@link FormValues} (a bad value is the form's rule violation, not an engine error); the delegates get
 * typed commands and hand back typed results. The model's expressions use the same names.
 */
final class PiReturnVariables {

    static final String RETURN_REFERENCE = "returnReference";
    static final String DEADLINE_AT = "deadlineAt";
    static final String CHECK_OUTCOME = "checkOutcome";
    static final String REQUEST_TO_PROVIDER = "requestToProvider";
    static final String RESUBMIT_BY = "resubmitBy";
    static final String CHECKED_BY = "checkedBy";
    static final String RETURN_OVERDUE = "returnOverdue";
    static final String DATA_RECORDED = "dataRecorded";
    /** PI7: what the message pi-return-extension-agreed carries (ReturnDeadlines correlates it). */
    static final String EXTENSION_AGREED = "pi-return-extension-agreed";
    static final String AGREED_DEADLINE = "agreedDeadline";
    static final String EXTENSION_REASON = "extensionReason";
    static final String EXTENSION_AGREED_BY = "extensionAgreedBy";

    private final DelegateExecution execution;

    private PiReturnVariables(DelegateExecution execution) {
        this.execution = execution;
    }

    static PiReturnVariables of(DelegateExecution execution) {
        return new PiReturnVariables(execution);
    }

    /** PI2: the purchasing officer's request (pi-return-request form). */
    record Request(String serviceCode, String reportingYear, Integer quarter, LocalDate deadline) {
    }

    Request request() {
        return new Request(text("serviceCode"), text("reportingYear"),
                FormValues.integer(execution.getVariable("quarter"), "PI2", "The quarter"),
                FormValues.date(execution.getVariable("deadline"), "PI2", "The deadline"));
    }

    /** PI2: the opened return; its reference is the business key. */
    void opened(PiReturn piReturn, String serviceName, String providerGroup, String purchasingOfficer,
            int expectedUnits, ZoneId zone) {
        execution.setProcessBusinessKey(piReturn.getReference());
        execution.setVariable(RETURN_REFERENCE, piReturn.getReference());
        execution.setVariable("serviceName", serviceName);
        execution.setVariable("providerGroup", providerGroup);
        execution.setVariable("purchasingOfficer", purchasingOfficer);
        execution.setVariable("deadlineDate", piReturn.getDeadline().toString());
        // Tasklist 4: the form shows the readable copy
        execution.setVariable("deadlineDateText", DisplayDates.date(piReturn.getDeadline()));
        execution.setVariable(DEADLINE_AT, ProcessDates.endOfDay(piReturn.getDeadline(), zone));
        execution.setVariable("expectedUnits", expectedUnits);
    }

    String returnReference() {
        return (String) execution.getVariable(RETURN_REFERENCE);
    }

    /** PI6: the return whose figures the data input clerk confirms are now in the performance system. */
    String recordedReturnReference() {
        if (!flag(DATA_RECORDED)) {
            throw new BusinessRuleViolation("PI6",
                    "Tick \"The data has been recorded\" once the return's figures are in the performance system.");
        }
        return returnReference();
    }

    /** PI2, PI4: the provider's submission (pi-return form, or the uploaded workbook's cells). */
    Submission submission() {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Number value = FormValues.number(execution.getVariable(indicator.name().toLowerCase()), "PI4",
                    indicator.name() + " (" + indicator.label() + ")");
            values.put(indicator, value == null ? null : new BigDecimal(value.toString()));
        }
        return new Submission(text("dccCode"),
                FormValues.integer(execution.getVariable("unitsReported"), "PI4", "Units"),
                text("unitsChangeExplanation"), values, text("localPis"), text("providerComments"));
    }

    /** PI3, PI4: what the check shows; a new submission starts a new check (X1: due by checkDueAt). */
    void registered(boolean late, CheckFindings findings, LocalDate checkDue, ZoneId zone) {
        execution.setVariable("returnLate", late);
        execution.setVariable("dccCodeCorrect", findings.dccCodeCorrect());
        execution.setVariable("missingIndicators", String.join(", ", findings.missingIndicators()));
        execution.setVariable("missedTriggers", String.join("\n", findings.missedTriggers()));
        execution.setVariable("anyMissedTrigger", !findings.missedTriggers().isEmpty());
        execution.setVariable("providerExplained", findings.providerExplained());
        execution.setVariable("checkDueAt", ProcessDates.endOfDay(checkDue, zone));
        execution.removeVariable(CHECK_OUTCOME);
        execution.removeVariable(REQUEST_TO_PROVIDER);
    }

    /** PI4, PI5, PI7: the officer's check (pi-check form) with the findings registered with the submission. */
    Check check() {
        return new Check(CheckOutcome.parse(text(CHECK_OUTCOME)), text("latenessReason"), text(REQUEST_TO_PROVIDER),
                flag("returnLate"), flag("dccCodeCorrect"), text("missingIndicators"), flag("anyMissedTrigger"),
                flag("providerExplained"));
    }

    /** X1: a return sent back is due again by then; the provider's new task is due at its end. */
    void resubmitBy(LocalDate resubmitBy, ZoneId zone) {
        // the variable stays an ISO date for the engine; the letter shows it the readable way
        execution.setVariable(RESUBMIT_BY, resubmitBy.toString());
        execution.setVariable(DEADLINE_AT, ProcessDates.endOfDay(resubmitBy, zone));
    }

    /** X1: the date a return sent back is due again, when the check set one. */
    LocalDate resubmitBy() {
        Object resubmitBy = execution.getVariable(RESUBMIT_BY);
        return resubmitBy == null ? null : LocalDate.parse(resubmitBy.toString());
    }

    void checkedBy(String userId) {
        execution.setVariable(CHECKED_BY, userId);
    }

    String checkedBy() {
        return (String) execution.getVariable(CHECKED_BY);
    }

    String checkerComments() {
        return text("checkerComments");
    }

    /** PI5: the contracts manager's decision (pi-referral-decision form). */
    ReferralDecision referralDecision() {
        return ReferralDecision.parse(text("referralDecision"));
    }

    String referralReason() {
        return text("referralReason");
    }

    /** PI7: an extension agreed through the API, already checked there. */
    record Extension(LocalDate deadline, String reason, String agreedBy) {
    }

    /** The variables the message Extension agreed carries, as ReturnDeadlines correlates them. */
    static Map<String, Object> extensionAgreed(LocalDate deadline, String reason, String agreedBy) {
        return Map.of(AGREED_DEADLINE, deadline.toString(), EXTENSION_REASON, reason, EXTENSION_AGREED_BY, agreedBy);
    }

    Extension extension() {
        return new Extension(FormValues.date(execution.getVariable(AGREED_DEADLINE), "PI7", "The new deadline"),
                text(EXTENSION_REASON), text(EXTENSION_AGREED_BY));
    }

    /**
     * X1: the deadline moved: "deadline" feeds the timer ${deadlineTimer.at(execution)}, "deadlineAt" the submit
     * task's due date, "deadlineDate" and "deadlineDateText" its form; the same variables the open-return step sets.
     */
    void deadlineMoved(LocalDate deadline, ZoneId zone) {
        execution.setVariable("deadline", deadline.toString());
        execution.setVariable("deadlineDate", deadline.toString());
        execution.setVariable("deadlineDateText", DisplayDates.date(deadline));
        execution.setVariable(DEADLINE_AT, ProcessDates.endOfDay(deadline, zone));
    }

    /** PI7: read by Gateway_ReturnIn. */
    void returnOverdue(boolean overdue) {
        execution.setVariable(RETURN_OVERDUE, overdue);
    }

    private String text(String name) {
        return FormValues.text(execution.getVariable(name));
    }

    private boolean flag(String name) {
        return FormValues.flag(execution.getVariable(name));
    }
}
