package org.carecommissioning.performance;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.testing.TestClock.LONDON;
import static org.carecommissioning.testing.TestClock.london;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.MailRetries;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/pi-return.bpmn on a plain in-memory engine: the request (e-mailed, async and retried), the provider's
 * submission due by the deadline, the purchasing officer's check due two weeks after receipt and each of its
 * outcomes (accept, back to the provider, refer to the contracts manager), sign-off, the data input clerk, and the
 * non-interrupting deadline reminder. The delegates are test doubles that keep the return's state as
 * {@link PiReturns} does and set the variables the real delegates set; the PI3
 * triggers are the real pi-trigger table, evaluated by the real {@link TriggerEvaluator}.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/pi-return.bpmn", "dmn/pi-trigger.dmn"})
@DisplayName("pi-return process (PI2-PI7, X1, X2)")
class PiReturnProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "pi-return";
    private static final String SERVICE_CODE = "S1001";
    private static final String SERVICE_NAME = "Hope Floating Support";
    private static final String YEAR = "2026/27";
    private static final int QUARTER = 2; // July-September 2026, ends 30 September
    private static final String DEADLINE = "2026-10-28";
    private static final String REFERENCE = "PI-S1001-2026Q2";
    private static final String PROVIDER_GROUP = "pr-hope";
    private static final String PROVIDER_EMAIL = "hope@provider.example";
    private static final String CONTRACTS_MANAGER_EMAIL = "contracts.manager@commissioning.example";
    private static final String DCC_CODE = "DCC-2026";
    private static final int UNITS = 20;
    private static final String OFFICER = "olivia.officer";
    private static final String PROVIDER_USER = "prov-hope";
    private static final String MANAGER = "carl.manager";
    private static final String CLERK = "dina.clerk";
    /** X1: the end of 28 October in London, when the provider's task falls due and the deadline timer fires. */
    private static final Date DEADLINE_PASSED = london("2026-10-29T00:00");
    private static final String MISSED_SPI2 = "SPI2 Utilisation: 88% is below the trigger of 92% (red font)";

    /** A letter a mail delegate sent. */
    record Mail(String to, String template, String reference, String request) {
    }

    /** The return as {@link PiReturns} keeps it, so the fakes refuse what the real service refuses. */
    static final class ReturnRecord {
        final String reference;
        final LocalDate deadline;
        ReturnStatus status = ReturnStatus.AWAITED;
        String breachedIndicators;
        boolean late;
        String latenessReason;
        String requestToProvider;
        String managerDecision;
        String checkedBy;
        String checkerComments;
        String submittedBy;
        String recordedBy;

        ReturnRecord(String reference, LocalDate deadline) {
            this.reference = reference;
            this.deadline = deadline;
        }
    }

    private final List<Mail> mails = new ArrayList<>();
    private ReturnRecord piReturn;

    private FakeDelegate openReturn;
    private FakeDelegate requestMail;
    private FakeDelegate registerSubmission;
    private FakeDelegate applyCheck;
    private FakeDelegate backToProviderMail;
    private FakeDelegate recordReferralDecision;
    private FakeDelegate signOff;
    private FakeDelegate markRecorded;
    private FakeDelegate markOverdue;
    private FakeDelegate reminderMail;
    private FakeDelegate lateMail;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-10-01T09:00");
        TriggerEvaluator triggers = new TriggerEvaluator(decisionService());
        // the real bean of the timer expression ${deadlineTimer.at(execution)}, in care.zone
        Mocks.register("deadlineTimer", new DeadlineTimer(LONDON));

        openReturn = FakeDelegate.register("openReturnDelegate", execution -> {
            String serviceCode = FormValues.text(execution.getVariable("serviceCode"));
            ReportingYear year = ReportingYear.parse(FormValues.text(execution.getVariable("reportingYear")));
            Integer quarter = FormValues.integer(execution.getVariable("quarter"), "PI2", "The quarter");
            LocalDate deadline = FormValues.date(execution.getVariable("deadline"), "PI2", "The deadline");
            if (!SERVICE_CODE.equals(serviceCode)) {
                throw new BusinessRuleViolation("PI2", "There is no contracted service with code " + serviceCode + ".");
            }
            if (quarter == null) {
                throw new BusinessRuleViolation("PI2", "Choose the quarter, 1 to 4.");
            }
            LocalDate quarterEnd = year.quarterEnd(quarter);
            if (deadline == null || !deadline.isAfter(quarterEnd)) {
                throw new BusinessRuleViolation("PI2", "The deadline must be after the quarter ends on " + quarterEnd
                        + ".");
            }
            piReturn = new ReturnRecord("PI-" + serviceCode + "-" + year.startYear() + "Q" + quarter, deadline);
            execution.setProcessBusinessKey(piReturn.reference);
            execution.setVariable("returnReference", piReturn.reference);
            execution.setVariable("serviceName", SERVICE_NAME);
            execution.setVariable("providerGroup", PROVIDER_GROUP);
            execution.setVariable("purchasingOfficer", OFFICER);
            execution.setVariable("deadlineDate", deadline.toString());
            execution.setVariable("deadlineAt", ProcessDates.endOfDay(deadline, LONDON));
            execution.setVariable("expectedUnits", UNITS);
        });
        requestMail = FakeDelegate.register("returnRequestMailDelegate",
                execution -> mails.add(new Mail(PROVIDER_EMAIL, "pi-return-request", returnOf(execution).reference, null)));
        registerSubmission = FakeDelegate.register("registerSubmissionDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
            for (Indicator indicator : Indicator.values()) {
                Number value = FormValues.number(execution.getVariable(indicator.name().toLowerCase()), "PI4",
                        indicator.name() + " (" + indicator.label() + ")");
                values.put(indicator, value == null ? null : new BigDecimal(value.toString()));
            }
            if (current.status != ReturnStatus.AWAITED && current.status != ReturnStatus.RETURNED_TO_PROVIDER) {
                throw new BusinessRuleViolation("PI2", "Return " + current.reference + " cannot be submitted again.");
            }
            for (Map.Entry<Indicator, BigDecimal> value : values.entrySet()) {
                BigDecimal percent = value.getValue();
                if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw new BusinessRuleViolation("PI4", value.getKey() + " (" + value.getKey().label() + ") is a"
                            + " percentage: " + percent.toPlainString() + " is not between 0 and 100.");
                }
            }
            Integer units = FormValues.integer(execution.getVariable("unitsReported"), "PI4", "Units");
            String unitsExplanation = FormValues.text(execution.getVariable("unitsChangeExplanation"));
            if (units != null && units != UNITS && unitsExplanation == null) {
                throw new BusinessRuleViolation("PI4", "The contract page has " + UNITS + " units and the return"
                        + " reports " + units + ": explain the change in units.");
            }
            List<TriggerEvaluator.Breach> breaches = triggers.breaches(YEAR, values);
            List<String> missing = new ArrayList<>(values.entrySet().stream()
                    .filter(e -> e.getKey().name().startsWith("SPI") && e.getValue() == null)
                    .map(e -> e.getKey().name()).toList());
            if (values.get(Indicator.KPI1) == null && values.get(Indicator.KPI2) == null) {
                missing.add(0, "KPI1 or KPI2");
            }
            LocalDate today = TestClock.today();
            current.status = ReturnStatus.SUBMITTED;
            current.submittedBy = CurrentUser.of(execution);
            current.late = current.late || today.isAfter(current.deadline);
            current.breachedIndicators = String.join(",", breaches.stream().map(b -> b.indicator().name()).toList());
            execution.setVariable("returnLate", current.late);
            execution.setVariable("dccCodeCorrect", DCC_CODE.equals(FormValues.text(execution.getVariable("dccCode"))));
            execution.setVariable("missingIndicators", String.join(", ", missing));
            execution.setVariable("missedTriggers", String.join("\n",
                    breaches.stream().map(TriggerEvaluator.Breach::describe).toList()));
            execution.setVariable("anyMissedTrigger", !breaches.isEmpty());
            execution.setVariable("providerExplained",
                    FormValues.text(execution.getVariable("providerComments")) != null);
            execution.setVariable("checkDueAt", ProcessDates.endOfDay(today.plusDays(RegisterSubmissionDelegate.CHECK_DAYS), LONDON));
            execution.removeVariable("checkOutcome");
            execution.removeVariable("requestToProvider");
        });
        applyCheck = FakeDelegate.register("applyCheckDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            String outcome = FormValues.text(execution.getVariable("checkOutcome"));
            if (outcome == null) {
                throw new BusinessRuleViolation("PI4", "Choose the outcome of the check.");
            }
            String latenessReason = FormValues.text(execution.getVariable("latenessReason"));
            boolean late = FormValues.flag(execution.getVariable("returnLate"));
            if (late && latenessReason == null) {
                throw new BusinessRuleViolation("PI7", "Record the reason the return is late.");
            }
            boolean incomplete = !FormValues.flag(execution.getVariable("dccCodeCorrect"))
                    || FormValues.text(execution.getVariable("missingIndicators")) != null;
            boolean unexplained = FormValues.flag(execution.getVariable("anyMissedTrigger"))
                    && !FormValues.flag(execution.getVariable("providerExplained"));
            String request = FormValues.text(execution.getVariable("requestToProvider"));
            switch (outcome) {
                case "accept" -> {
                    if (incomplete) {
                        throw new BusinessRuleViolation("PI4", "The return has the wrong DCC code or missing"
                                + " sections; return it to the provider asking for the missing data.");
                    }
                    if (unexplained) {
                        throw new BusinessRuleViolation("PI5", "A trigger was missed and the provider has not"
                                + " explained why; return it asking for an explanation.");
                    }
                }
                case "incomplete", "explanation" -> {
                    if (request == null) {
                        throw new BusinessRuleViolation("PI4", "Say what the provider must add or explain.");
                    }
                    current.status = ReturnStatus.RETURNED_TO_PROVIDER;
                    current.requestToProvider = request;
                    // As PiReturns.resubmitBy: 10 working days after the request, or the deadline if later (no bank
                    // holiday falls in this test's weeks)
                    LocalDate afterRequest = TestClock.today();
                    for (int days = 0; days < 10; ) {
                        afterRequest = afterRequest.plusDays(1);
                        if (afterRequest.getDayOfWeek().getValue() < 6) {
                            days++;
                        }
                    }
                    LocalDate resubmitBy = current.deadline.isAfter(afterRequest) ? current.deadline : afterRequest;
                    execution.setVariable("resubmitBy", resubmitBy.toString());
                    execution.setVariable("deadlineAt", ProcessDates.endOfDay(resubmitBy, LONDON));
                }
                case "refer" -> {
                    if (unexplained) {
                        throw new BusinessRuleViolation("PI5", "Ask the provider for an explanation before"
                                + " referring the missed trigger.");
                    }
                    if (current.breachedIndicators == null || current.breachedIndicators.isBlank()) {
                        throw new BusinessRuleViolation("PI5", "Only a return that missed a trigger is referred to"
                                + " the contracts manager.");
                    }
                    current.status = ReturnStatus.REFERRED;
                }
                default -> throw new BusinessRuleViolation("PI4", "Unknown check outcome " + outcome + ".");
            }
            if (late) {
                current.latenessReason = latenessReason;
            }
            execution.setVariable("checkedBy", CurrentUser.of(execution));
        });
        backToProviderMail = FakeDelegate.register("returnRequestToProviderMailDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            mails.add(new Mail(PROVIDER_EMAIL, "pi-return-request-to-provider", current.reference,
                    current.requestToProvider));
        });
        recordReferralDecision = FakeDelegate.register("recordReferralDecisionDelegate", execution -> {
            String decision = FormValues.text(execution.getVariable("referralDecision"));
            String reason = FormValues.text(execution.getVariable("referralReason"));
            if (decision == null || reason == null) {
                throw new BusinessRuleViolation("PI5", "Choose the action and record the reason.");
            }
            returnOf(execution).managerDecision = decision + ": " + reason;
        });
        signOff = FakeDelegate.register("signOffReturnDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            if (current.status != ReturnStatus.SUBMITTED && current.status != ReturnStatus.REFERRED) {
                throw new BusinessRuleViolation("PI6", "Return " + current.reference + " cannot be signed off.");
            }
            current.status = ReturnStatus.SIGNED_OFF;
            current.checkedBy = (String) execution.getVariable("checkedBy");
            current.checkerComments = FormValues.text(execution.getVariable("checkerComments"));
        });
        markRecorded = FakeDelegate.register("markReturnRecordedDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            if (current.status != ReturnStatus.SIGNED_OFF) {
                throw new BusinessRuleViolation("PI6", "Only a signed-off return is recorded.");
            }
            current.status = ReturnStatus.RECORDED;
            current.recordedBy = CurrentUser.of(execution);
        });
        markOverdue = FakeDelegate.register("markReturnOverdueDelegate", execution -> {
            ReturnRecord current = returnOf(execution);
            // as PiReturns.markOverdueIfNotIn: in by the deadline, nothing to chase
            boolean notIn = current.status == ReturnStatus.AWAITED
                    || current.status == ReturnStatus.RETURNED_TO_PROVIDER;
            current.late = current.late || notIn;
            execution.setVariable("returnOverdue", notIn);
        });
        reminderMail = FakeDelegate.register("returnReminderMailDelegate",
                execution -> mails.add(new Mail(PROVIDER_EMAIL, "pi-return-reminder", returnOf(execution).reference, null)));
        lateMail = FakeDelegate.register("lateReturnMailDelegate", execution -> mails.add(
                new Mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late", returnOf(execution).reference, null)));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    /** PiReturns.get: the return the process's reference names. */
    private ReturnRecord returnOf(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        String reference = (String) execution.getVariable("returnReference");
        if (piReturn == null || !piReturn.reference.equals(reference)) {
            throw new IllegalStateException("There is no PI return " + reference + ".");
        }
        return piReturn;
    }

    private static <T> T as(String userId, Supplier<T> action) {
        identityService().setAuthenticatedUserId(userId);
        try {
            return action.get();
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static void completeAs(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            complete(task, variables);
            return null;
        });
    }

    private static Job job(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        return job;
    }

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    private static long count(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    /** The provider's form: the DCC code, the contract page's units, every indicator and the local PIs. */
    private static Map<String, Object> submission(Double kpi1, Double spi1, Double spi2, Double spi3, Double spi4) {
        Map<String, Object> form = new HashMap<>();
        form.put("dccCode", DCC_CODE);
        form.put("unitsReported", UNITS);
        form.put("localPis", "All complete");
        putIfPresent(form, "kpi1", kpi1);
        putIfPresent(form, "spi1", spi1);
        putIfPresent(form, "spi2", spi2);
        putIfPresent(form, "spi3", spi3);
        putIfPresent(form, "spi4", spi4);
        return form;
    }

    private static void putIfPresent(Map<String, Object> form, String key, Double value) {
        if (value != null) {
            form.put(key, value);
        }
    }

    /** Every trigger of 2026/27 met (KPI1 >= 92, SPI1 >= 95, SPI2 >= 92, SPI3 >= 90, SPI4 >= 85). */
    private static Map<String, Object> completeReturn() {
        return submission(93.0, 96.0, 93.0, 95.0, 90.0);
    }

    /** SPI2 utilisation at 88%, below the 2026/27 trigger of 92%. */
    private static Map<String, Object> missingSpi2Trigger() {
        return submission(93.0, 96.0, 88.0, 95.0, 90.0);
    }

    /** PI2: the purchasing officer requests the quarter's return with its deadline. */
    private ProcessInstance requestReturn() {
        return requestReturn(DEADLINE);
    }

    /** PI2: the return requested with the deadline in any form a client may send (string, date-time, Date). */
    private ProcessInstance requestReturn(Object deadline) {
        ProcessInstance instance = as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS,
                withVariables("serviceCode", SERVICE_CODE, "reportingYear", YEAR, "quarter", QUARTER,
                        "deadline", deadline)));
        assertThat(instance).hasBusinessKey(REFERENCE).isWaitingAtExactly("Task_RequestReturn");
        return instance;
    }

    /** Sends the request e-mail (X2: an async, retried job) and returns the provider's submit task. */
    private Task emailRequest(ProcessInstance instance) {
        Job mail = job(instance, "Task_RequestReturn");
        assertThat(mail).hasRetries(5);
        assertThat(requestMail.callCount()).isZero();
        execute(mail);
        assertThat(requestMail.callCount()).isEqualTo(1);
        assertThat(requestMail.lastCall().businessKey()).isEqualTo(REFERENCE);
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn");
        return task(instance);
    }

    /** The provider submits; the officer's check task follows. */
    private Task submit(ProcessInstance instance, Map<String, Object> form) {
        completeAs(PROVIDER_USER, task(instance), form);
        assertThat(instance).isWaitingAtExactly("Task_CheckReturn");
        return task(instance);
    }

    private static void assertSubmitTask(Task submit) {
        assertThat(submit)
                .hasDefinitionKey("Task_SubmitReturn")
                .hasCandidateGroup(PROVIDER_GROUP)
                .isNotAssigned()
                .hasDueDate(london("2026-10-28T23:59:59")); // by the end of 28 October (X1)
    }

    private static Job deadlineTimer(ProcessInstance instance) {
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().activityId("StartEvent_DeadlinePassed")
                .singleResult();
        assertThat(timer).as("deadline timer").isNotNull();
        return timer;
    }

    @Test
    @DisplayName("PI2 X1 X2 a requested return is opened with its reference as business key, the request is e-mailed "
            + "to the provider as a retried async step, and the provider's task is due by the deadline")
    void requestedReturnWaitsForTheProvider() {
        ProcessInstance instance = requestReturn();

        assertThat(openReturn.callCount()).isEqualTo(1);
        assertThat(variable(instance, "requestedBy")).isEqualTo(OFFICER);
        assertThat(variable(instance, "returnReference")).isEqualTo(REFERENCE);
        assertThat(variable(instance, "providerGroup")).isEqualTo(PROVIDER_GROUP);
        assertThat(variable(instance, "deadlineDate")).isEqualTo(DEADLINE);
        assertThat(variable(instance, "expectedUnits")).isEqualTo(UNITS);
        assertThat(mails).as("nothing sent before the async step runs").isEmpty();
        // PI7 X1: the deadline timer is armed from the start, at the end of the deadline day in London.
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);

        Task submit = emailRequest(instance);

        assertThat(mails).containsExactly(new Mail(PROVIDER_EMAIL, "pi-return-request", REFERENCE, null));
        assertSubmitTask(submit);
        assertThat(submit.getDueDate()).isEqualTo(variable(instance, "deadlineAt"));
        assertThat(instance).hasPassedInOrder("StartEvent_ReturnRequested", "Task_OpenReturn", "Task_RequestReturn",
                "Gateway_SubmissionJoin").hasNotPassed("Task_RegisterSubmission", "Task_SendReturnReminder");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.AWAITED);
    }

    @Test
    @DisplayName("PI4 PI6 X1 a complete return that meets every trigger goes to the service's purchasing officer, "
            + "due 2 weeks after receipt; accepted, it is signed off with the checker's name and comments and "
            + "recorded by the data input clerk")
    void completeReturnIsAcceptedSignedOffAndRecorded() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);

        TestClock.setTo("2026-10-20T14:00");
        Task check = submit(instance, completeReturn());

        assertThat(registerSubmission.callCount()).isEqualTo(1);
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(piReturn.submittedBy).isEqualTo(PROVIDER_USER);
        assertThat(variable(instance, "returnLate")).isEqualTo(false);
        assertThat(variable(instance, "dccCodeCorrect")).isEqualTo(true);
        assertThat(variable(instance, "missingIndicators")).isEqualTo("");
        assertThat(variable(instance, "anyMissedTrigger")).isEqualTo(false);
        assertThat(variable(instance, "missedTriggers")).isEqualTo("");
        // PI4: received 20 October, checked by the end of 3 November.
        assertThat(check)
                .hasDefinitionKey("Task_CheckReturn")
                .isAssignedTo(OFFICER)
                // an assigned task: the contracts managers stay linked as candidates (hasCandidateGroup wants it unassigned)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(london("2026-11-03T23:59:59"));
        assertThat(check.getDueDate()).isEqualTo(variable(instance, "checkDueAt"));

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept", "checkerComments", "All in order"));

        assertThat(instance).isWaitingAtExactly("Task_RecordReturnData");
        assertThat(variable(instance, "checkedBy")).isEqualTo(OFFICER);
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SIGNED_OFF);
        assertThat(piReturn.checkedBy).isEqualTo(OFFICER);
        assertThat(piReturn.checkerComments).isEqualTo("All in order");
        Task recordData = task(instance);
        assertThat(recordData).hasCandidateGroup("data-input-clerk").isNotAssigned();

        completeAs(CLERK, recordData, withVariables("dataRecorded", true));

        assertThat(piReturn.status).isEqualTo(ReturnStatus.RECORDED);
        assertThat(piReturn.recordedBy).isEqualTo(CLERK);
        assertThat(instance)
                .hasPassedInOrder("Task_RequestReturn", "Task_SubmitReturn", "Task_RegisterSubmission",
                        "Task_CheckReturn", "Task_ApplyCheck", "Gateway_CheckOutcome", "Gateway_Accepted",
                        "Task_SignOffReturn", "Task_RecordReturnData", "Task_MarkRecorded", "EndEvent_ReturnRecorded")
                .hasNotPassed("Task_EmailRequestToProvider", "Task_DecideOnReferral", "Task_RecordReferralDecision",
                        "StartEvent_DeadlinePassed", "Task_SendReturnReminder")
                .isEnded();
        assertThat(mails).extracting(Mail::template).containsExactly("pi-return-request");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the deadline timer is gone").isZero();
        assertThat(reminderMail.attempts()).isZero();
    }

    @Test
    @DisplayName("PI4 an incomplete return (wrong DCC code, a section missing) cannot be accepted; it goes back to "
            + "the provider by e-mail asking for the missing data, and the new submission gets a fresh 2-week check")
    void incompleteReturnGoesBackToTheProvider() {
        ProcessInstance instance = requestReturn();
        Task firstSubmit = emailRequest(instance);

        TestClock.setTo("2026-10-12T10:00");
        Map<String, Object> incomplete = submission(93.0, 96.0, 93.0, null, 90.0);
        incomplete.put("dccCode", "DCC-2025");
        Task check = submit(instance, incomplete);

        assertThat(variable(instance, "dccCodeCorrect")).isEqualTo(false);
        assertThat(variable(instance, "missingIndicators")).isEqualTo("SPI3");
        assertThat(check).hasDueDate(london("2026-10-26T23:59:59"));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("PI4: The return has the wrong DCC code or missing sections");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "incomplete")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: Say what the provider must add or explain.");
        assertThat(instance).isWaitingAtExactly("Task_CheckReturn");
        assertThat(task(instance).getId()).as("the same check task stays open").isEqualTo(check.getId());

        completeAs(OFFICER, check, withVariables("checkOutcome", "incomplete",
                "requestToProvider", "Use code DCC-2026 and add SPI3 staffing."));

        // X2: the request to the provider is an async, retried step of its own.
        assertThat(instance).isWaitingAtExactly("Task_EmailRequestToProvider");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.RETURNED_TO_PROVIDER);
        Job backToProvider = job(instance, "Task_EmailRequestToProvider");
        assertThat(backToProvider).hasRetries(5);
        assertThat(backToProviderMail.callCount()).isZero();
        execute(backToProvider);

        assertThat(mails).last().isEqualTo(new Mail(PROVIDER_EMAIL, "pi-return-request-to-provider", REFERENCE,
                "Use code DCC-2026 and add SPI3 staffing."));
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn");
        Task secondSubmit = task(instance);
        assertThat(secondSubmit.getId()).isNotEqualTo(firstSubmit.getId());
        assertSubmitTask(secondSubmit); // PI4: the deadline, later than 10 working days after the request, stands
        assertThat(variable(instance, "requestToProvider")).isEqualTo("Use code DCC-2026 and add SPI3 staffing.");

        TestClock.setTo("2026-10-19T16:00");
        Task secondCheck = submit(instance, completeReturn());

        assertThat(variable(instance, "dccCodeCorrect")).isEqualTo(true);
        assertThat(variable(instance, "missingIndicators")).isEqualTo("");
        assertThat(variable(instance, "checkOutcome")).as("the last outcome is cleared").isNull();
        assertThat(variable(instance, "requestToProvider")).isNull();
        assertThat(secondCheck).isAssignedTo(OFFICER).hasDueDate(london("2026-11-02T23:59:59"));

        completeAs(OFFICER, secondCheck, withVariables("checkOutcome", "accept"));
        completeAs(CLERK, task(instance), withVariables("dataRecorded", true));

        assertThat(instance).hasPassed("Task_EmailRequestToProvider", "Task_SignOffReturn", "EndEvent_ReturnRecorded")
                .hasNotPassed("Task_DecideOnReferral").isEnded();
        assertThat(count(instance, "Task_SubmitReturn")).isEqualTo(2);
        assertThat(count(instance, "Task_CheckReturn")).isEqualTo(2);
        assertThat(count(instance, "Gateway_SubmissionJoin")).isEqualTo(2);
        assertThat(piReturn.status).isEqualTo(ReturnStatus.RECORDED);
        assertThat(mails).extracting(Mail::template)
                .containsExactly("pi-return-request", "pi-return-request-to-provider");
    }

    @Test
    @DisplayName("PI5 a missed trigger without an explanation cannot be accepted or referred; it goes back to the "
            + "provider for an explanation, and once explained the officer accepts it as short-term")
    void missedTriggerWithoutExplanationGoesBack() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        TestClock.setTo("2026-10-20T14:00");
        Task check = submit(instance, missingSpi2Trigger());

        assertThat(variable(instance, "anyMissedTrigger")).isEqualTo(true);
        assertThat(variable(instance, "missedTriggers")).isEqualTo(MISSED_SPI2);
        assertThat(variable(instance, "providerExplained")).isEqualTo(false);
        assertThat(variable(instance, "missingIndicators")).as("complete, only a trigger missed").isEqualTo("");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("PI5: A trigger was missed and the provider has not explained why");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "refer")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI5: Ask the provider for an explanation before referring the missed trigger.");
        assertThat(instance).isWaitingAtExactly("Task_CheckReturn");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SUBMITTED);

        completeAs(OFFICER, check, withVariables("checkOutcome", "explanation",
                "requestToProvider", "Explain why utilisation fell to 88%."));
        execute(job(instance, "Task_EmailRequestToProvider"));

        assertThat(mails).last().isEqualTo(new Mail(PROVIDER_EMAIL, "pi-return-request-to-provider", REFERENCE,
                "Explain why utilisation fell to 88%."));
        Task resubmit = task(instance);
        // PI4 X1 Decision: sent back on 20 October, 10 working days later (3 November) is after the 28 October
        // deadline, so the resubmission is due by the end of 3 November
        assertThat(resubmit).hasDefinitionKey("Task_SubmitReturn").hasCandidateGroup(PROVIDER_GROUP).isNotAssigned()
                .hasDueDate(london("2026-11-03T23:59:59"));
        assertThat(variable(instance, "resubmitBy")).isEqualTo("2026-11-03");

        Map<String, Object> explained = missingSpi2Trigger();
        explained.put("providerComments", "Two rooms closed for repairs in August");
        Task secondCheck = submit(instance, explained);

        assertThat(variable(instance, "providerExplained")).isEqualTo(true);
        assertThat(variable(instance, "missedTriggers")).isEqualTo(MISSED_SPI2);
        completeAs(OFFICER, secondCheck, withVariables("checkOutcome", "accept",
                "checkerComments", "Short-term: watch next quarter"));

        assertThat(instance).isWaitingAtExactly("Task_RecordReturnData");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SIGNED_OFF);
        assertThat(piReturn.checkerComments).isEqualTo("Short-term: watch next quarter");
        assertThat(instance).hasPassed("Task_EmailRequestToProvider", "Task_SignOffReturn")
                .hasNotPassed("Task_DecideOnReferral", "Task_RecordReferralDecision");
        assertThat(count(instance, "Task_EmailRequestToProvider")).isEqualTo(1);
    }

    @Test
    @DisplayName("PI5 PI6 a missed trigger with an explanation referred to the contracts manager: the decision needs "
            + "an action and a reason, is recorded, and the return is then signed off and recorded")
    void referredMissedTriggerIsDecidedByTheContractsManager() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        TestClock.setTo("2026-10-20T14:00");
        Map<String, Object> explained = missingSpi2Trigger();
        explained.put("providerComments", "Two rooms closed for repairs; repairs may take months");
        Task check = submit(instance, explained);

        completeAs(OFFICER, check, withVariables("checkOutcome", "refer", "checkerComments", "Likely to continue"));

        assertThat(piReturn.status).isEqualTo(ReturnStatus.REFERRED);
        assertThat(instance).isWaitingAtExactly("Task_DecideOnReferral");
        Task decide = task(instance);
        assertThat(decide).hasCandidateGroup("contracts-manager").isNotAssigned();
        assertThatThrownBy(() -> completeAs(MANAGER, decide, withVariables("referralDecision", "earlier-meeting")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI5: Choose the action and record the reason.");
        assertThat(task(instance).getId()).isEqualTo(decide.getId());

        completeAs(MANAGER, decide, withVariables("referralDecision", "earlier-meeting",
                "referralReason", "Utilisation has fallen two quarters running"));

        assertThat(recordReferralDecision.callCount()).isEqualTo(1);
        assertThat(piReturn.managerDecision).isEqualTo("earlier-meeting: Utilisation has fallen two quarters running");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SIGNED_OFF);
        assertThat(piReturn.checkedBy).as("signed off with the checker's name, not the manager's").isEqualTo(OFFICER);
        assertThat(piReturn.checkerComments).isEqualTo("Likely to continue");
        assertThat(instance).isWaitingAtExactly("Task_RecordReturnData");

        completeAs(CLERK, task(instance), withVariables("dataRecorded", true));

        assertThat(instance)
                .hasPassedInOrder("Task_CheckReturn", "Task_ApplyCheck", "Gateway_CheckOutcome",
                        "Task_DecideOnReferral", "Task_RecordReferralDecision", "Gateway_Accepted",
                        "Task_SignOffReturn", "Task_RecordReturnData", "Task_MarkRecorded", "EndEvent_ReturnRecorded")
                .hasNotPassed("Task_EmailRequestToProvider")
                .isEnded();
        assertThat(piReturn.status).isEqualTo(ReturnStatus.RECORDED);
        assertThat(signOff.callCount()).isEqualTo(1);
        assertThat(markRecorded.callCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("PI4 a percentage over 100 or a changed unit count without explanation is refused and the provider's "
            + "task stays open; a check without an outcome, or a referral without a missed trigger, is refused and "
            + "the check stays open")
    void badInputKeepsTheTaskOpen() {
        ProcessInstance instance = requestReturn();
        Task submit = emailRequest(instance);

        assertThatThrownBy(() -> completeAs(PROVIDER_USER, submit, submission(93.0, 101.0, 93.0, 95.0, 90.0)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: SPI1 (Availability) is a percentage: 101.0 is not between 0 and 100.");
        Map<String, Object> moreUnits = completeReturn();
        moreUnits.put("unitsReported", 24);
        assertThatThrownBy(() -> completeAs(PROVIDER_USER, submit, moreUnits))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: The contract page has 20 units and the return reports 24: explain the change in units.");
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn");
        assertThat(task(instance).getId()).isEqualTo(submit.getId());
        assertThat(registerSubmission.callCount()).isZero();
        assertThat(piReturn.status).isEqualTo(ReturnStatus.AWAITED);

        moreUnits.put("unitsChangeExplanation", "Four new flats opened in September");
        Task check = submit(instance, moreUnits);
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SUBMITTED);

        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkerComments", "Looks fine")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: Choose the outcome of the check.");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "refer")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI5: Only a return that missed a trigger is referred to the contracts manager.");
        assertThat(instance).isWaitingAtExactly("Task_CheckReturn");
        assertThat(task(instance).getId()).isEqualTo(check.getId());
        assertThat(applyCheck.callCount()).isZero();
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SUBMITTED);
    }

    @Test
    @DisplayName("PI7 X1 X2 a return not in by its deadline: the non-interrupting timer at the end of the deadline "
            + "day e-mails a reminder to the provider and tells the contracts manager, the provider's task stays "
            + "open, and the late return needs its reason at the check")
    void returnNotInByTheDeadlineGetsAReminder() {
        ProcessInstance instance = requestReturn();
        Task submit = emailRequest(instance);
        Job deadline = deadlineTimer(instance);
        assertThat(deadline.getDuedate()).isEqualTo(DEADLINE_PASSED);

        // Still in time in the last second of the deadline day.
        TestClock.setTo(london("2026-10-28T23:59:59"));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
        TestClock.setTo(deadline.getDuedate());
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count()).isEqualTo(1);
        execute(deadline);

        // PI7: the return is marked overdue, beside the provider's open task; the gateway chases it.
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn", "SubProcess_Deadline", "Task_MarkOverdue");
        execute(job(instance, "Task_MarkOverdue"));
        assertThat(variable(instance, "returnOverdue")).isEqualTo(true);

        // X2: the reminder and the contracts manager's notice are two async, retried steps, one e-mail each.
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendReturnReminder");
        Job reminder = job(instance, "Task_SendReturnReminder");
        assertThat(reminder).hasRetries(5);
        assertThat(reminderMail.attempts()).isZero();
        execute(reminder);
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendLateReturnNotice");
        Job notice = job(instance, "Task_SendLateReturnNotice");
        assertThat(notice).hasRetries(5);
        execute(notice);

        assertThat(reminderMail.callCount()).isEqualTo(1);
        assertThat(reminderMail.lastCall().businessKey()).isEqualTo(REFERENCE);
        assertThat(lateMail.callCount()).isEqualTo(1);
        assertThat(mails).containsExactly(
                new Mail(PROVIDER_EMAIL, "pi-return-request", REFERENCE, null),
                new Mail(PROVIDER_EMAIL, "pi-return-reminder", REFERENCE, null),
                new Mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late", REFERENCE, null));
        assertThat(piReturn.late).isTrue();
        assertThat(instance).hasPassedInOrder("StartEvent_DeadlinePassed", "Task_MarkOverdue", "Gateway_ReturnIn",
                        "Task_SendReturnReminder", "Task_SendLateReturnNotice", "EndEvent_ReminderHandled")
                .isWaitingAtExactly("Task_SubmitReturn");
        assertThat(task(instance).getId()).as("the same provider task, not a new one").isEqualTo(submit.getId());
        assertThat(task(instance).getDueDate()).as("now overdue in Tasklist").isBefore(TestClock.london("2026-10-29T08:00"));
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the reminder fires once").isZero();

        TestClock.setTo("2026-11-02T11:00");
        Task check = submit(instance, completeReturn());
        assertThat(variable(instance, "returnLate")).isEqualTo(true);
        assertThat(check).hasDueDate(london("2026-11-16T23:59:59"));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI7: Record the reason the return is late.");
        assertThat(task(instance).getId()).isEqualTo(check.getId());

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept", "latenessReason", "Manager on sick leave"));

        assertThat(piReturn.latenessReason).isEqualTo("Manager on sick leave");
        assertThat(piReturn.status).isEqualTo(ReturnStatus.SIGNED_OFF);
        completeAs(CLERK, task(instance), withVariables("dataRecorded", true));
        assertThat(instance).hasPassed("EndEvent_ReminderHandled", "EndEvent_ReturnRecorded").isEnded();
        assertThat(count(instance, "Task_SendReturnReminder")).isEqualTo(1);
    }

    @Test
    @DisplayName("PI7 a return already submitted when the deadline passes: the reminder step runs but sends nothing, "
            + "and the check goes on")
    void returnAlreadyInIsNotChased() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        TestClock.setTo("2026-10-27T15:00");
        Task check = submit(instance, completeReturn());

        Job deadline = deadlineTimer(instance);
        TestClock.setTo(deadline.getDuedate());
        execute(deadline);
        assertThat(instance).isWaitingAtExactly("Task_CheckReturn", "SubProcess_Deadline", "Task_MarkOverdue");
        execute(job(instance, "Task_MarkOverdue"));

        assertThat(markOverdue.callCount()).isEqualTo(1);
        assertThat(variable(instance, "returnOverdue")).isEqualTo(false);
        assertThat(instance).hasNotPassed("Task_SendReturnReminder", "Task_SendLateReturnNotice");
        assertThat(reminderMail.attempts()).isZero();
        assertThat(lateMail.attempts()).isZero();
        assertThat(mails).extracting(Mail::template).containsExactly("pi-return-request");
        assertThat(piReturn.late).isFalse();
        assertThat(instance).hasPassed("EndEvent_ReminderHandled").isWaitingAtExactly("Task_CheckReturn");
        assertThat(task(instance).getId()).isEqualTo(check.getId());

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept"));
        assertThat(piReturn.latenessReason).isNull();
        assertThat(instance).isWaitingAtExactly("Task_RecordReturnData");
    }

    @Test
    @DisplayName("PI2 a deadline not after the quarter's end is refused when the return is requested; no instance or "
            + "timer is left behind")
    void deadlineBeforeTheQuarterEndIsRefused() {
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                        "serviceCode", SERVICE_CODE, "reportingYear", YEAR, "quarter", QUARTER,
                        "deadline", "2026-09-15"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be after the quarter ends on 2026-09-30.");

        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(jobQuery().count()).isZero();
        assertThat(mails).isEmpty();
    }

    @Test
    @DisplayName("PI2 a return requested with no deadline, or one that is not a date, is refused with the PI2 message "
            + "(not an engine error from the deadline timer); no instance or timer is left behind")
    void missingOrUnreadableDeadlineIsRefused() {
        Map<String, Object> noDeadline = withVariables("serviceCode", SERVICE_CODE, "reportingYear", YEAR,
                "quarter", QUARTER);
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, noDeadline)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be after the quarter ends on 2026-09-30.");
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                        "serviceCode", SERVICE_CODE, "reportingYear", YEAR, "quarter", QUARTER,
                        "deadline", "28/10/2026"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be a date like 2026-11-25.");

        assertThat(openReturn.attempts()).as("refused by the open-return step").isEqualTo(2);
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
                .isZero();
        assertThat(jobQuery().count()).as("no deadline timer kept").isZero();
        assertThat(mails).isEmpty();
    }

    @Test
    @DisplayName("PI2 PI7 X1 a deadline given as a typed java.util.Date starts the return, and the reminder is armed "
            + "for the end of the deadline day in London")
    void deadlineAsTypedDate() {
        ProcessInstance instance = requestReturn(london("2026-10-28T00:00"));

        assertThat(variable(instance, "deadlineDate")).isEqualTo(DEADLINE);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);
        assertSubmitTask(emailRequest(instance));
    }

    @Test
    @DisplayName("PI2 PI7 X1 a deadline given as an ISO date-time string (2026-10-28T00:00:00Z) starts the return, "
            + "and the reminder is armed for the end of the deadline day in London")
    void deadlineAsIsoDateTime() {
        ProcessInstance instance = requestReturn("2026-10-28T00:00:00Z");

        assertThat(variable(instance, "deadlineDate")).isEqualTo(DEADLINE);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);
        assertSubmitTask(emailRequest(instance));
    }

    @Test
    @DisplayName("PI7 X1 the deadline reminder fires the first second after the provider's task falls due (00:00 after "
            + "the deadline day): not before the task is overdue, and the same instant an extension computes")
    void reminderFiresWhenTheTaskFallsDue() {
        ProcessInstance instance = requestReturn();
        Task submit = emailRequest(instance);
        Job deadline = deadlineTimer(instance);

        assertThat(submit.getDueDate()).isEqualTo(variable(instance, "deadlineAt"))
                .isEqualTo(london("2026-10-28T23:59:59"));
        assertThat(deadline.getDuedate())
                .isEqualTo(new Date(submit.getDueDate().getTime() + 1000))
                .isEqualTo(new DeadlineTimer(LONDON).at(LocalDate.parse(DEADLINE)))
                .isEqualTo(DEADLINE_PASSED);

        TestClock.setTo(submit.getDueDate());
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count())
                .as("on the deadline day, to its last second").isZero();
        TestClock.setTo(DEADLINE_PASSED);
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count())
                .as("once the deadline day is over").isEqualTo(1);
        execute(deadline);
        execute(job(instance, "Task_MarkOverdue"));
        execute(job(instance, "Task_SendReturnReminder"));
        execute(job(instance, "Task_SendLateReturnNotice"));

        assertThat(mails).extracting(Mail::template)
                .containsExactly("pi-return-request", "pi-return-reminder", "pi-return-late");
        assertThat(task(instance).getId()).isEqualTo(submit.getId());
    }

    @Test
    @DisplayName("X2 a failing request e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "once the mail server is back and the job retried, the request is sent once and the provider's task "
            + "appears")
    void failedRequestMailIsRetriedAndNeverLost() {
        ProcessInstance instance = requestReturn();

        Job mail = MailRetries.failUntilIncident(instance, "Task_RequestReturn", requestMail);

        assertThat(instance).isWaitingAtExactly("Task_RequestReturn");
        assertThat(mails).isEmpty();
        assertThat(deadlineTimer(instance)).as("the deadline timer is unaffected").isNotNull();

        // The mail server is back; an operator retries the job once (Cockpit "increment retries").
        requestMail.behave(execution -> mails.add(new Mail(PROVIDER_EMAIL, "pi-return-request", REFERENCE, null)));
        managementService().setJobRetries(mail.getId(), 1);
        execute(job(instance, "Task_RequestReturn"));

        assertThat(requestMail.callCount()).isEqualTo(1);
        assertThat(requestMail.attempts()).isEqualTo(6);
        assertThat(mails).hasSize(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn");
        assertSubmitTask(task(instance));
    }

    @Test
    @DisplayName("X2 the back-to-provider e-mail and the deadline reminder are retried 5 times too, then raise an "
            + "incident instead of being lost")
    void otherMailsAreRetriedThenRaiseAnIncident() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);

        Job deadline = deadlineTimer(instance);
        TestClock.setTo(deadline.getDuedate());
        execute(deadline);
        execute(job(instance, "Task_MarkOverdue"));
        MailRetries.failUntilIncident(instance, "Task_SendReturnReminder", reminderMail);
        assertThat(instance).isWaitingAtExactly("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendReturnReminder");
        assertThat(mails).extracting(Mail::template).containsExactly("pi-return-request");

        TestClock.setTo("2026-10-30T09:00");
        Map<String, Object> incomplete = submission(93.0, 96.0, 93.0, null, 90.0);
        completeAs(PROVIDER_USER, task(instance), incomplete);
        completeAs(OFFICER, task(instance), withVariables("checkOutcome", "incomplete",
                "requestToProvider", "Add SPI3 staffing.", "latenessReason", "Late staffing figures"));
        MailRetries.failUntilIncident(instance, "Task_EmailRequestToProvider", backToProviderMail);

        assertThat(instance).isWaitingAtExactly("SubProcess_Deadline", "Task_SendReturnReminder", "Task_EmailRequestToProvider");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);
        assertThat(mails).extracting(Mail::template).containsExactly("pi-return-request");
    }

    @Test
    @DisplayName("PI7 X2 a failing contracts-manager notice is retried 5 times, then raises an incident; the "
            + "provider's reminder, already sent, is not sent again, and once retried the notice goes once")
    void failedLateNoticeNeverResendsTheReminder() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        Job deadline = deadlineTimer(instance);
        TestClock.setTo(deadline.getDuedate());
        execute(deadline);
        execute(job(instance, "Task_MarkOverdue"));
        execute(job(instance, "Task_SendReturnReminder"));

        Job notice = MailRetries.failUntilIncident(instance, "Task_SendLateReturnNotice", lateMail);

        assertThat(reminderMail.attempts()).as("the reminder is not sent again").isEqualTo(1);
        assertThat(mails).extracting(Mail::template).containsExactly("pi-return-request", "pi-return-reminder");

        lateMail.behave(execution -> mails.add(new Mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late", REFERENCE, null)));
        managementService().setJobRetries(notice.getId(), 1);
        execute(job(instance, "Task_SendLateReturnNotice"));

        assertThat(reminderMail.attempts()).isEqualTo(1);
        assertThat(mails).extracting(Mail::template)
                .containsExactly("pi-return-request", "pi-return-reminder", "pi-return-late");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReminderHandled").isWaitingAtExactly("Task_SubmitReturn");
    }
}
