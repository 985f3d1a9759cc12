package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.performance.PiReturn.Submission;
import org.carecommissioning.performance.PiReturns.CheckFindings;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** The recording steps of the quarterly PI return process: read the form, call PiReturns, set references. */
final class ReturnDelegates {

    /** PI4: the purchasing officer checks a return within two weeks of receipt. */
    static final int CHECK_DAYS = 14;

    private ReturnDelegates() {
    }

    /** PI2: opens the quarter's return; its reference is the business key. */
    @Component("openReturnDelegate")
    static class OpenReturn implements JavaDelegate {

        private final PiReturns returns;
        private final Workbooks workbooks;
        private final ContractServices services;
        private final CareProperties properties;

        OpenReturn(PiReturns returns, Workbooks workbooks, ContractServices services, CareProperties properties) {
            this.returns = returns;
            this.workbooks = workbooks;
            this.services = services;
            this.properties = properties;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PiReturn piReturn = returns.open(FormValues.text(execution.getVariable("serviceCode")),
                    FormValues.text(execution.getVariable("reportingYear")),
                    FormValues.integer(execution.getVariable("quarter"), "PI2", "The quarter"),
                    FormValues.date(execution.getVariable("deadline"), "PI2", "The deadline"));
            ContractedService service = returns.serviceOf(piReturn);
            execution.setProcessBusinessKey(piReturn.getReference());
            execution.setVariable("returnReference", piReturn.getReference());
            execution.setVariable("serviceName", service.getName());
            execution.setVariable("providerGroup", services.providerOf(service).getGroupId());
            execution.setVariable("purchasingOfficer", service.getPurchasingOfficer());
            execution.setVariable("deadlineDate", piReturn.getDeadline().toString());
            // Tasklist 4: the form shows the readable copy
            execution.setVariable("deadlineDateText", DisplayDates.date(piReturn.getDeadline()));
            execution.setVariable("deadlineAt", ProcessDates.endOfDay(piReturn.getDeadline(), properties.zone()));
            execution.setVariable("expectedUnits", workbooks.current(service.getId(), piReturn.getReportingYear())
                    .orElseThrow().page().units());
        }
    }

    /** PI2, PI4: the provider's submission from the form (or the uploaded workbook), and what the check finds. */
    @Component("registerSubmissionDelegate")
    static class RegisterSubmission implements JavaDelegate {

        private final PiReturns returns;
        private final CareProperties properties;
        private final Clock clock;

        RegisterSubmission(PiReturns returns, CareProperties properties, Clock clock) {
            this.returns = returns;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String reference = (String) execution.getVariable("returnReference");
            Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
            for (Indicator indicator : Indicator.values()) {
                Number value = FormValues.number(execution.getVariable(indicator.name().toLowerCase()), "PI4",
                        indicator.name() + " (" + indicator.label() + ")");
                values.put(indicator, value == null ? null : new BigDecimal(value.toString()));
            }
            PiReturn piReturn = returns.submit(reference, new Submission(
                    FormValues.text(execution.getVariable("dccCode")),
                    FormValues.integer(execution.getVariable("unitsReported"), "PI4", "Units"),
                    FormValues.text(execution.getVariable("unitsChangeExplanation")),
                    values,
                    FormValues.text(execution.getVariable("localPis")),
                    FormValues.text(execution.getVariable("providerComments"))), CurrentUser.of(execution));
            CheckFindings findings = returns.findings(reference);
            execution.setVariable("returnLate", piReturn.isLate());
            execution.setVariable("dccCodeCorrect", findings.dccCodeCorrect());
            execution.setVariable("missingIndicators", String.join(", ", findings.missingIndicators()));
            execution.setVariable("missedTriggers", String.join("\n", findings.missedTriggers()));
            execution.setVariable("anyMissedTrigger", !findings.missedTriggers().isEmpty());
            execution.setVariable("providerExplained", findings.providerExplained());
            execution.setVariable("checkDueAt", ProcessDates.endOfDay(LocalDate.now(clock).plusDays(CHECK_DAYS),
                    properties.zone()));
            execution.removeVariable("checkOutcome");
            execution.removeVariable("requestToProvider");
        }
    }

    /**
     * PI4, PI5, PI7: applies the officer's outcome. An incomplete return cannot be accepted, nor a missed trigger
     * without the provider's explanation; a late return needs its reason.
     */
    @Component("applyCheckDelegate")
    static class ApplyCheck implements JavaDelegate {

        private final PiReturns returns;
        private final CareProperties properties;

        ApplyCheck(PiReturns returns, CareProperties properties) {
            this.returns = returns;
            this.properties = properties;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String reference = (String) execution.getVariable("returnReference");
            String outcome = FormValues.text(execution.getVariable("checkOutcome"));
            if (outcome == null) {
                throw new BusinessRuleViolation("PI4", "Choose the outcome of the check.");
            }
            if (FormValues.flag(execution.getVariable("returnLate"))) {
                returns.recordLateness(reference, FormValues.text(execution.getVariable("latenessReason")));
            }
            boolean incomplete = !FormValues.flag(execution.getVariable("dccCodeCorrect"))
                    || FormValues.text(execution.getVariable("missingIndicators")) != null;
            boolean unexplained = FormValues.flag(execution.getVariable("anyMissedTrigger"))
                    && !FormValues.flag(execution.getVariable("providerExplained"));
            switch (outcome) {
                case "accept" -> {
                    if (incomplete) {
                        throw new BusinessRuleViolation("PI4", "The return has the wrong DCC code or missing"
                                + " sections; return it to the provider asking for the missing data.");
                    }
                    if (unexplained) {
                        throw new BusinessRuleViolation("PI5", "A trigger was missed and the provider has not explained"
                                + " why; return it asking for an explanation.");
                    }
                }
                case "incomplete", "explanation" -> {
                    returns.returnToProvider(reference, FormValues.text(execution.getVariable("requestToProvider")));
                    // X1: the provider's new submission task is due by then
                    LocalDate resubmitBy = returns.resubmitBy(reference);
                    execution.setVariable("resubmitBy", resubmitBy.toString());
                    execution.setVariable("deadlineAt", ProcessDates.endOfDay(resubmitBy, properties.zone()));
                }
                case "refer" -> {
                    if (unexplained) {
                        throw new BusinessRuleViolation("PI5", "Ask the provider for an explanation before referring"
                                + " the missed trigger.");
                    }
                    returns.refer(reference);
                }
                default -> throw new BusinessRuleViolation("PI4", "Unknown check outcome " + outcome + ".");
            }
            execution.setVariable("checkedBy", CurrentUser.of(execution));
        }
    }

    /** PI5: the contracts manager's decision on a referred missed trigger. */
    @Component("recordReferralDecisionDelegate")
    static class RecordReferralDecision implements JavaDelegate {

        private final PiReturns returns;

        RecordReferralDecision(PiReturns returns) {
            this.returns = returns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            returns.decide((String) execution.getVariable("returnReference"),
                    FormValues.text(execution.getVariable("referralDecision")),
                    FormValues.text(execution.getVariable("referralReason")));
        }
    }

    /** PI6: sign-off with the checker's name and comments. */
    @Component("signOffReturnDelegate")
    static class SignOff implements JavaDelegate {

        private final PiReturns returns;

        SignOff(PiReturns returns) {
            this.returns = returns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            returns.signOff((String) execution.getVariable("returnReference"),
                    (String) execution.getVariable("checkedBy"),
                    FormValues.text(execution.getVariable("checkerComments")));
        }
    }

    /** PI6: recorded by the data input clerk. */
    @Component("markReturnRecordedDelegate")
    static class MarkRecorded implements JavaDelegate {

        private final PiReturns returns;

        MarkRecorded(PiReturns returns) {
            this.returns = returns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            returns.recorded((String) execution.getVariable("returnReference"), CurrentUser.of(execution));
        }
    }
}
