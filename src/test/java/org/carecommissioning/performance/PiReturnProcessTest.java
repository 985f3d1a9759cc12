package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.carecommissioning.support.MailRetries.job;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.carecommissioning.support.ProcessSteps.as;
import static org.carecommissioning.support.ProcessSteps.completeAs;
import static org.carecommissioning.support.ProcessSteps.variable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.performance.PiReturn.Submission;
import org.carecommissioning.performance.PiReturns.Check;
import org.carecommissioning.performance.PiReturns.CheckFindings;
import org.carecommissioning.performance.PiReturns.CheckResult;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;

/**
 * processes/pi-return.bpmn on a plain in-memory engine with the REAL delegate beans, registered under their bean
 * names with Camunda's {@link Mocks}; the services they call ({@link PiReturns}, {@link Workbooks},
 * {@link ContractServices}, {@link NotificationService}) are Mockito mocks. Each test walks one path and asserts the
 * path, the variables the delegates write and the service calls they make; the rules themselves (PI2-PI7) are the
 * services' and are tested there and in PiReturnLifecycleTest.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/pi-return.bpmn")
@DisplayName("pi-return process (PI2-PI7, X1, X2)")
class PiReturnProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "pi-return";
    private static final String SERVICE_CODE = "S1001";
    private static final long SERVICE_ID = 11L;
    private static final String SERVICE_NAME = "Hope Floating Support";
    private static final String YEAR = "2026/27";
    private static final int QUARTER = 2; // July-September 2026, ends 30 September
    private static final String DEADLINE = "2026-10-28";
    private static final String REFERENCE = "PI-S1001-2026Q2";
    private static final String PROVIDER_GROUP = "pr-hope";
    private static final String PROVIDER_NAME = "Hope Housing";
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
    private static final String MAIL_DOWN = "Mail server connection failed";

    private PiReturns returns;
    private Workbooks workbooks;
    private ContractServices services;
    private NotificationService notifications;
    private PiReturn piReturn;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-10-01T09:00");
        returns = mock(PiReturns.class);
        workbooks = mock(Workbooks.class);
        services = mock(ContractServices.class);
        notifications = mock(NotificationService.class);
        CareProperties care = mock(CareProperties.class);
        when(care.zone()).thenReturn(LONDON);
        ContractManagementProperties management = mock(ContractManagementProperties.class);
        when(management.contractsManagerEmail()).thenReturn(CONTRACTS_MANAGER_EMAIL);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(LONDON);

        ContractedService service = mock(ContractedService.class);
        when(service.getId()).thenReturn(SERVICE_ID);
        when(service.getName()).thenReturn(SERVICE_NAME);
        when(service.getServiceCode()).thenReturn(SERVICE_CODE);
        when(service.getPurchasingOfficer()).thenReturn(OFFICER);
        Organisation provider = mock(Organisation.class);
        when(provider.getGroupId()).thenReturn(PROVIDER_GROUP);
        when(provider.getName()).thenReturn(PROVIDER_NAME);
        when(provider.getEmail()).thenReturn(PROVIDER_EMAIL);
        Workbook workbook = mock(Workbook.class);
        ContractPage page = mock(ContractPage.class);
        when(page.units()).thenReturn(UNITS);
        when(workbook.page()).thenReturn(page);

        piReturn = mock(PiReturn.class);
        when(piReturn.getReference()).thenReturn(REFERENCE);
        when(piReturn.getServiceId()).thenReturn(SERVICE_ID);
        when(piReturn.getReportingYear()).thenReturn(YEAR);
        when(piReturn.getQuarter()).thenReturn(QUARTER);
        when(piReturn.getDeadline()).thenReturn(LocalDate.parse(DEADLINE));
        when(piReturn.getRequestToProvider()).thenReturn("Add the missing data.");
        when(returns.open(eq(SERVICE_CODE), eq(YEAR), eq(QUARTER), eq(LocalDate.parse(DEADLINE)))).thenReturn(piReturn);
        when(returns.get(REFERENCE)).thenReturn(piReturn);
        when(returns.serviceOf(piReturn)).thenReturn(service);
        when(services.providerOf(service)).thenReturn(provider);
        when(workbooks.current(SERVICE_ID, YEAR)).thenReturn(Optional.of(workbook));
        when(returns.submit(eq(REFERENCE), any(), any())).thenReturn(piReturn);
        findings(new CheckFindings(true, List.of(), List.of(), false));
        when(returns.check(eq(REFERENCE), any())).thenReturn(new CheckResult(null));

        // the real beans, under the names the model's delegateExpressions use
        Mocks.register("deadlineTimer", new DeadlineTimer(LONDON));
        Mocks.register("openReturnDelegate", new OpenReturnDelegate(returns, workbooks, services, care));
        Mocks.register("returnRequestMailDelegate", new ReturnRequestMailDelegate(returns, services, notifications));
        Mocks.register("registerSubmissionDelegate", new RegisterSubmissionDelegate(returns,
                new PiReturnDeadlines(mock(WorkingDayCalendar.class)), care, clock));
        Mocks.register("applyCheckDelegate", new ApplyCheckDelegate(returns, care));
        Mocks.register("returnRequestToProviderMailDelegate",
                new ReturnRequestToProviderMailDelegate(returns, services, notifications));
        Mocks.register("recordReferralDecisionDelegate", new RecordReferralDecisionDelegate(returns));
        Mocks.register("signOffReturnDelegate", new SignOffReturnDelegate(returns));
        Mocks.register("markReturnRecordedDelegate", new MarkReturnRecordedDelegate(returns));
        Mocks.register("markReturnOverdueDelegate", new MarkReturnOverdueDelegate(returns));
        Mocks.register("moveDeadlineDelegate", new MoveDeadlineDelegate(returns, care));
        Mocks.register("returnReminderMailDelegate", new ReturnReminderMailDelegate(returns, services, notifications));
        Mocks.register("lateReturnMailDelegate",
                new LateReturnMailDelegate(returns, services, notifications, management));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
        identityService().clearAuthentication();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void findings(CheckFindings findings) {
        when(returns.findings(REFERENCE)).thenReturn(findings);
    }

    /**
     * The activities given and the deadline watch beside them (PI7, X1): SubProcess_DeadlineWatch waits for an
     * extension at Event_ExtensionAgreed for as long as the return runs.
     */
    private static String[] watching(String... activities) {
        String[] waiting = java.util.Arrays.copyOf(activities, activities.length + 2);
        waiting[activities.length] = "SubProcess_DeadlineWatch";
        waiting[activities.length + 1] = "Event_ExtensionAgreed";
        return waiting;
    }

    private static long count(ProcessInstance instance, String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    /** The e-mail of a template sent to an address, as the mail delegates hand it to the NotificationService. */
    private static Email mail(String to, String template) {
        return argThat(email -> email != null && email.to().equals(to) && email.template().equals(template)
                && REFERENCE.equals(email.model().get("returnReference")));
    }

    /** The templates of every e-mail sent, in order. */
    private List<String> templatesSent() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, org.mockito.Mockito.atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream().map(Email::template).toList();
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

    private static Map<String, Object> completeReturn() {
        return submission(93.0, 96.0, 93.0, 95.0, 90.0);
    }

    /** The check command the officer's outcome became. */
    private Check lastCheck() {
        ArgumentCaptor<Check> check = ArgumentCaptor.forClass(Check.class);
        verify(returns, org.mockito.Mockito.atLeastOnce()).check(eq(REFERENCE), check.capture());
        return check.getValue();
    }

    /** The submission the provider's form became. */
    private Submission lastSubmission() {
        ArgumentCaptor<Submission> submission = ArgumentCaptor.forClass(Submission.class);
        verify(returns, org.mockito.Mockito.atLeastOnce()).submit(eq(REFERENCE), submission.capture(), any());
        return submission.getValue();
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
        assertThat(instance).hasBusinessKey(REFERENCE).isWaitingAtExactly(watching("Task_RequestReturn"));
        return instance;
    }

    /** Sends the request e-mail (X2: an async, retried job) and returns the provider's submit task. */
    private Task emailRequest(ProcessInstance instance) {
        Job mail = job(instance, "Task_RequestReturn");
        assertThat(mail).hasRetries(5);
        verify(notifications, never()).send(any());
        execute(mail);
        verify(notifications).send(mail(PROVIDER_EMAIL, "pi-return-request"));
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn"));
        return task(instance);
    }

    /** The provider submits; the officer's check task follows. */
    private Task submit(ProcessInstance instance, Map<String, Object> form) {
        completeAs(PROVIDER_USER, task(instance), form);
        assertThat(instance).isWaitingAtExactly(watching("Task_CheckReturn"));
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

    /** PI7: the deadline timer fires and the overdue step runs; true when the service found the return not in. */
    private void deadlinePasses(ProcessInstance instance, boolean notIn) {
        when(returns.markOverdueIfNotIn(REFERENCE)).thenReturn(notIn);
        Job deadline = deadlineTimer(instance);
        TestClock.setTo(deadline.getDuedate());
        execute(deadline);
        execute(job(instance, "Task_MarkOverdue"));
        verify(returns).markOverdueIfNotIn(REFERENCE);
    }

    /**
     * X2: with the mail server down, runs the mail step's job as the job executor would until its 5 retries, 5
     * minutes apart, are used up and the failure is an incident.
     */
    private Job failUntilIncident(ProcessInstance instance, String activityId) {
        doThrow(new MailSendException(MAIL_DOWN)).when(notifications).send(any());
        Job mail = job(instance, activityId);
        assertThat(mail).hasRetries(5);
        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            String jobId = mail.getId();
            assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessage(MAIL_DOWN);
            mail = job(instance, activityId);
            assertThat(mail).hasRetries(retriesLeft);
            if (retriesLeft > 0) {
                assertThat(Duration.between(TestClock.now().atZone(LONDON).toInstant(), mail.getDuedate().toInstant()))
                        .isEqualTo(Duration.ofMinutes(5));
            }
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult().getIncidentMessage()).isEqualTo(MAIL_DOWN);
        doNothing().when(notifications).send(any());
        return mail;
    }

    // --- the paths ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("PI2 X1 X2 a requested return is opened with its reference as business key, the request is e-mailed "
            + "to the provider as a retried async step, and the provider's task is due by the deadline")
    void requestedReturnWaitsForTheProvider() {
        ProcessInstance instance = requestReturn();

        verify(returns).open(SERVICE_CODE, YEAR, QUARTER, LocalDate.parse(DEADLINE));
        assertThat(instance).variables()
                .containsEntry("returnReference", REFERENCE)
                .containsEntry("serviceName", SERVICE_NAME)
                .containsEntry("providerGroup", PROVIDER_GROUP)
                .containsEntry("purchasingOfficer", OFFICER)
                .containsEntry("deadlineDate", DEADLINE)
                .containsEntry("deadlineAt", london("2026-10-28T23:59:59"))
                .containsEntry("expectedUnits", UNITS);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);

        Task submit = emailRequest(instance);

        assertThat(templatesSent()).containsExactly("pi-return-request");
        assertSubmitTask(submit);
        assertThat(submit.getDueDate()).isEqualTo(variable(instance, "deadlineAt"));
        assertThat(instance).hasPassedInOrder("StartEvent_ReturnRequested", "Task_OpenReturn", "Task_RequestReturn",
                "Gateway_SubmissionJoin").hasNotPassed("Task_RegisterSubmission", "Task_MarkOverdue");
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

        Submission submission = lastSubmission();
        assertThat(submission.dccCode()).isEqualTo(DCC_CODE);
        assertThat(submission.unitsReported()).isEqualTo(UNITS);
        assertThat(submission.values().get(Indicator.SPI1)).isEqualByComparingTo(new BigDecimal("96"));
        assertThat(submission.localPis()).isEqualTo("All complete");
        verify(returns).submit(eq(REFERENCE), any(), eq(PROVIDER_USER));
        verify(returns).findings(REFERENCE);
        assertThat(instance).variables()
                .containsEntry("returnLate", false)
                .containsEntry("dccCodeCorrect", true)
                .containsEntry("missingIndicators", "")
                .containsEntry("anyMissedTrigger", false)
                .containsEntry("missedTriggers", "")
                .containsEntry("providerExplained", false);
        // PI4: received 20 October, checked by the end of 3 November.
        assertThat(check)
                .hasDefinitionKey("Task_CheckReturn")
                .isAssignedTo(OFFICER)
                // an assigned task: the contracts managers stay linked as candidates (hasCandidateGroup wants it unassigned)
                .hasCandidateGroupAssociated("contracts-manager")
                .hasDueDate(london("2026-11-03T23:59:59"));
        assertThat(check.getDueDate()).isEqualTo(variable(instance, "checkDueAt"));

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept", "checkerComments", "All in order"));

        assertThat(lastCheck()).isEqualTo(new Check(CheckOutcome.ACCEPT, null, null, false, true, null, false, false));
        assertThat(instance).isWaitingAtExactly(watching("Task_RecordReturnData"));
        assertThat(variable(instance, "checkedBy")).isEqualTo(OFFICER);
        verify(returns).signOff(REFERENCE, OFFICER, "All in order");
        Task recordData = task(instance);
        assertThat(recordData).hasCandidateGroup("data-input-clerk").isNotAssigned();

        assertThatThrownBy(() -> completeAs(CLERK, recordData, withVariables("dataRecorded", false)))
                .as("PI6: the clerk confirms the figures are in before the return is closed")
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("The data has been recorded");
        verify(returns, never()).recorded(any(), any());
        assertThat(instance).isWaitingAtExactly(watching("Task_RecordReturnData"));

        completeAs(CLERK, recordData, withVariables("dataRecorded", true));

        verify(returns).recorded(REFERENCE, CLERK);
        assertThat(instance)
                .hasPassedInOrder("Task_RequestReturn", "Task_SubmitReturn", "Task_RegisterSubmission",
                        "Task_CheckReturn", "Task_ApplyCheck", "Gateway_CheckOutcome", "Gateway_Accepted",
                        "Task_SignOffReturn", "Task_RecordReturnData", "Task_MarkRecorded", "EndEvent_ReturnRecorded")
                .hasNotPassed("Task_EmailRequestToProvider", "Task_DecideOnReferral", "Task_RecordReferralDecision",
                        "StartEvent_DeadlinePassed", "Task_MarkOverdue")
                .isEnded();
        assertThat(templatesSent()).containsExactly("pi-return-request");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the deadline timer is gone").isZero();
        verify(returns, never()).markOverdueIfNotIn(any());
    }

    @Test
    @DisplayName("PI4 an incomplete return (wrong DCC code, a section missing) cannot be accepted; it goes back to "
            + "the provider by e-mail asking for the missing data, and the new submission gets a fresh 2-week check")
    void incompleteReturnGoesBackToTheProvider() {
        ProcessInstance instance = requestReturn();
        Task firstSubmit = emailRequest(instance);

        TestClock.setTo("2026-10-12T10:00");
        findings(new CheckFindings(false, List.of("SPI3"), List.of(), false));
        Map<String, Object> incomplete = submission(93.0, 96.0, 93.0, null, 90.0);
        incomplete.put("dccCode", "DCC-2025");
        Task check = submit(instance, incomplete);

        assertThat(lastSubmission().values().get(Indicator.SPI3)).isNull();
        assertThat(variable(instance, "dccCodeCorrect")).isEqualTo(false);
        assertThat(variable(instance, "missingIndicators")).isEqualTo("SPI3");
        assertThat(check).hasDueDate(london("2026-10-26T23:59:59"));
        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.ACCEPT
                && !c.dccCodeCorrect())))
                .thenThrow(new BusinessRuleViolation("PI4", "The return has the wrong DCC code or missing sections;"
                        + " return it to the provider asking for the missing data."));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("PI4: The return has the wrong DCC code or missing sections");
        assertThat(lastCheck()).isEqualTo(new Check(CheckOutcome.ACCEPT, null, null, false, false, "SPI3", false, false));
        assertThat(instance).isWaitingAtExactly(watching("Task_CheckReturn"));
        assertThat(task(instance).getId()).as("the same check task stays open").isEqualTo(check.getId());

        // X1: the service answers when the return is due again
        LocalDate resubmitBy = LocalDate.of(2026, 10, 28);
        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.INCOMPLETE)))
                .thenReturn(new CheckResult(resubmitBy));
        when(piReturn.getRequestToProvider()).thenReturn("Use code DCC-2026 and add SPI3 staffing.");
        completeAs(OFFICER, check, withVariables("checkOutcome", "incomplete",
                "requestToProvider", "Use code DCC-2026 and add SPI3 staffing."));

        assertThat(lastCheck().requestToProvider()).isEqualTo("Use code DCC-2026 and add SPI3 staffing.");
        assertThat(variable(instance, "resubmitBy")).isEqualTo("2026-10-28");
        assertThat(variable(instance, "deadlineAt")).isEqualTo(ProcessDates.endOfDay(resubmitBy, LONDON));
        // X2: the request to the provider is an async, retried step of its own.
        assertThat(instance).isWaitingAtExactly(watching("Task_EmailRequestToProvider"));
        Job backToProvider = job(instance, "Task_EmailRequestToProvider");
        assertThat(backToProvider).hasRetries(5);
        assertThat(templatesSent()).containsExactly("pi-return-request");
        execute(backToProvider);

        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, times(2)).send(sent.capture());
        Email letter = sent.getValue();
        assertThat(letter.to()).isEqualTo(PROVIDER_EMAIL);
        assertThat(letter.template()).isEqualTo("pi-return-request-to-provider");
        assertThat(new HashMap<String, Object>(letter.model())).containsEntry("request", "Use code DCC-2026 and add SPI3 staffing.")
                .containsEntry("resubmitBy", org.carecommissioning.shared.DisplayDates.date(resubmitBy));
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn"));
        Task secondSubmit = task(instance);
        assertThat(secondSubmit.getId()).isNotEqualTo(firstSubmit.getId());
        assertSubmitTask(secondSubmit);

        TestClock.setTo("2026-10-20T09:00");
        findings(new CheckFindings(true, List.of(), List.of(), false));
        Task secondCheck = submit(instance, completeReturn());
        assertThat(secondCheck).hasDueDate(london("2026-11-03T23:59:59"));
        assertThat(variable(instance, "missingIndicators")).isEqualTo("");
        completeAs(OFFICER, secondCheck, withVariables("checkOutcome", "accept"));

        verify(returns, times(2)).submit(eq(REFERENCE), any(), eq(PROVIDER_USER));
        verify(returns).signOff(REFERENCE, OFFICER, null);
        assertThat(instance).isWaitingAtExactly(watching("Task_RecordReturnData"));
        assertThat(count(instance, "Task_SubmitReturn")).isEqualTo(2);
        assertThat(count(instance, "Task_EmailRequestToProvider")).isEqualTo(1);
    }

    @Test
    @DisplayName("PI5 a missed trigger without an explanation cannot be accepted or referred; it goes back to the "
            + "provider asking for an explanation")
    void missedTriggerWithoutExplanationGoesBack() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        findings(new CheckFindings(true, List.of(), List.of(MISSED_SPI2), false));
        Task check = submit(instance, submission(93.0, 96.0, 88.0, 95.0, 90.0));

        assertThat(instance).variables()
                .containsEntry("anyMissedTrigger", true)
                .containsEntry("missedTriggers", MISSED_SPI2)
                .containsEntry("providerExplained", false);
        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.ACCEPT)))
                .thenThrow(new BusinessRuleViolation("PI5", "A trigger was missed and the provider has not explained"
                        + " why; return it asking for an explanation."));
        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.REFER)))
                .thenThrow(new BusinessRuleViolation("PI5", "Ask the provider for an explanation before referring"
                        + " the missed trigger."));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("PI5: A trigger was missed");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "refer")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI5: Ask the provider for an explanation before referring the missed trigger.");
        assertThat(lastCheck()).isEqualTo(new Check(CheckOutcome.REFER, null, null, false, true, null, true, false));
        assertThat(task(instance).getId()).isEqualTo(check.getId());

        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.EXPLANATION)))
                .thenReturn(new CheckResult(LocalDate.parse(DEADLINE)));
        completeAs(OFFICER, check, withVariables("checkOutcome", "explanation",
                "requestToProvider", "Explain the low utilisation."));
        execute(job(instance, "Task_EmailRequestToProvider"));

        verify(notifications).send(mail(PROVIDER_EMAIL, "pi-return-request-to-provider"));
        assertThat(instance).hasPassed("Task_EmailRequestToProvider").hasNotPassed("Task_DecideOnReferral")
                .isWaitingAtExactly(watching("Task_SubmitReturn"));
    }

    @Test
    @DisplayName("PI5 PI6 a missed trigger with an explanation referred to the contracts manager: the decision needs "
            + "the action and its reason, then the return is signed off and recorded")
    void referredMissedTriggerIsDecidedByTheContractsManager() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        findings(new CheckFindings(true, List.of(), List.of(MISSED_SPI2), true));
        Map<String, Object> explained = submission(93.0, 96.0, 88.0, 95.0, 90.0);
        explained.put("providerComments", "Two flats were closed for repairs.");
        Task check = submit(instance, explained);

        assertThat(lastSubmission().comments()).isEqualTo("Two flats were closed for repairs.");
        assertThat(variable(instance, "providerExplained")).isEqualTo(true);
        completeAs(OFFICER, check, withVariables("checkOutcome", "refer", "checkerComments", "Referred"));

        assertThat(lastCheck()).isEqualTo(new Check(CheckOutcome.REFER, null, null, false, true, null, true, true));
        assertThat(instance).isWaitingAtExactly(watching("Task_DecideOnReferral"));
        Task decide = task(instance);
        assertThat(decide).hasCandidateGroup("contracts-manager");

        doThrow(new BusinessRuleViolation("PI5", "Choose the action and record the reason."))
                .when(returns).decide(REFERENCE, ReferralDecision.MONITOR, null);
        assertThatThrownBy(() -> completeAs(MANAGER, decide, withVariables("referralDecision", "monitor")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("PI5: Choose the action and record the reason.");
        assertThat(task(instance).getId()).isEqualTo(decide.getId());

        completeAs(MANAGER, decide, withVariables("referralDecision", "earlier-meeting",
                "referralReason", "Utilisation has fallen two quarters running."));

        verify(returns).decide(REFERENCE, ReferralDecision.EARLIER_MEETING, "Utilisation has fallen two quarters running.");
        verify(returns).signOff(REFERENCE, OFFICER, "Referred");
        assertThat(instance).hasPassedInOrder("Gateway_CheckOutcome", "Task_DecideOnReferral",
                "Task_RecordReferralDecision", "Gateway_Accepted", "Task_SignOffReturn")
                .isWaitingAtExactly(watching("Task_RecordReturnData"));
        completeAs(CLERK, task(instance), withVariables("dataRecorded", true));
        verify(returns).recorded(REFERENCE, CLERK);
        assertThat(instance).isEnded();
    }

    @Test
    @DisplayName("PI4 a percentage over 100 or a changed unit count without explanation is refused and the provider's "
            + "task stays open; a check without an outcome, or a referral without a missed trigger, is refused and "
            + "the check stays open")
    void badInputKeepsTheTaskOpen() {
        ProcessInstance instance = requestReturn();
        Task submit = emailRequest(instance);
        when(returns.submit(eq(REFERENCE), argThat(s -> s != null && s.values().get(Indicator.SPI1) != null
                && s.values().get(Indicator.SPI1).compareTo(BigDecimal.valueOf(100)) > 0), any()))
                .thenThrow(new BusinessRuleViolation("PI4", "SPI1 (Availability) is a percentage: 101.0 is not between"
                        + " 0 and 100."));
        when(returns.submit(eq(REFERENCE), argThat(s -> s != null && Integer.valueOf(24).equals(s.unitsReported())
                && s.unitsChangeExplanation() == null), any()))
                .thenThrow(new BusinessRuleViolation("PI4", "The contract page has 20 units and the return reports"
                        + " 24: explain the change in units."));

        assertThatThrownBy(() -> completeAs(PROVIDER_USER, submit, submission(93.0, 101.0, 93.0, 95.0, 90.0)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: SPI1 (Availability) is a percentage: 101.0 is not between 0 and 100.");
        Map<String, Object> moreUnits = completeReturn();
        moreUnits.put("unitsReported", 24);
        assertThatThrownBy(() -> completeAs(PROVIDER_USER, submit, moreUnits))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: The contract page has 20 units and the return reports 24: explain the change in units.");
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn"));
        assertThat(task(instance).getId()).isEqualTo(submit.getId());
        verify(returns, never()).findings(any());

        moreUnits.put("unitsChangeExplanation", "Four new flats opened in September");
        Task check = submit(instance, moreUnits);
        assertThat(lastSubmission().unitsChangeExplanation()).isEqualTo("Four new flats opened in September");

        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.outcome() == CheckOutcome.REFER)))
                .thenThrow(new BusinessRuleViolation("PI5", "Only a return that missed a trigger is referred to the"
                        + " contracts manager."));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkerComments", "Looks fine")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI4: Choose the outcome of the check.");
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "refer")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI5: Only a return that missed a trigger is referred to the contracts manager.");
        assertThat(instance).isWaitingAtExactly(watching("Task_CheckReturn"));
        assertThat(task(instance).getId()).isEqualTo(check.getId());
        assertThat(variable(instance, "checkedBy")).isNull();
        verify(returns, never()).signOff(any(), any(), any());
    }

    @Test
    @DisplayName("PI7 X1 an extension agreed before the deadline (message Extension agreed) is recorded by Move the "
            + "deadline; the provider's task is created again due at the end of the new deadline day, and the deadline "
            + "timer is created again for it: nothing fires at the old deadline, the reminder path starts at the new one")
    void extensionMovesTheTaskAndTheDeadlineTimer() {
        ProcessInstance instance = requestReturn();
        Task submit = emailRequest(instance);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);
        PiReturn extended = mock(PiReturn.class);
        when(extended.getDeadline()).thenReturn(LocalDate.parse("2026-11-11"));
        when(returns.extendDeadline(eq(REFERENCE), any())).thenReturn(extended);

        // PI7: what POST /api/pi-returns/{ref}/extension correlates once its checks pass (ReturnDeadlines)
        TestClock.setTo("2026-10-20T10:00");
        runtimeService().createMessageCorrelation(PiReturnVariables.EXTENSION_AGREED).processInstanceBusinessKey(REFERENCE)
                .setVariables(PiReturnVariables.extensionAgreed(LocalDate.parse("2026-11-11"), "Finance system being replaced",
                        OFFICER))
                .correlate();

        verify(returns).extendDeadline(REFERENCE, new PiReturnVariables.Extension(LocalDate.parse("2026-11-11"),
                "Finance system being replaced", OFFICER));
        assertThat(instance).hasPassedInOrder("Event_ExtensionAgreed", "Task_MoveDeadline", "Event_DeadlineMoved")
                .hasPassed("EndEvent_WatchEnded", "Event_SubmitDeadlineMoved")
                .isWaitingAtExactly(watching("Task_SubmitReturn"));
        Date newDueAt = ProcessDates.endOfDay(LocalDate.parse("2026-11-11"), LONDON);
        assertThat(variable(instance, "deadline")).isEqualTo("2026-11-11");
        assertThat(variable(instance, "deadlineDate")).isEqualTo("2026-11-11");
        assertThat(variable(instance, "deadlineAt")).isEqualTo(newDueAt);
        Task moved = task(instance);
        assertThat(moved.getId()).as("the task created again").isNotEqualTo(submit.getId());
        assertThat(moved).hasDefinitionKey("Task_SubmitReturn").hasCandidateGroup(PROVIDER_GROUP).hasDueDate(newDueAt);
        Job deadline = deadlineTimer(instance);
        assertThat(deadline.getDuedate()).isEqualTo(london("2026-11-12T00:00"));

        // X1: at the old deadline nothing is due; at the end of the new deadline day the timer fires
        TestClock.setTo(DEADLINE_PASSED);
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
        TestClock.setTo(deadline.getDuedate());
        execute(deadline);
        when(returns.markOverdueIfNotIn(REFERENCE)).thenReturn(true);
        execute(job(instance, "Task_MarkOverdue"));
        verify(returns).markOverdueIfNotIn(REFERENCE);
        assertThat(instance).hasPassedInOrder("Task_MoveDeadline", "StartEvent_DeadlinePassed", "Task_MarkOverdue")
                .isWaitingAtExactly(watching("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendReturnReminder"));
        assertThat(count(instance, "StartEvent_DeadlinePassed")).as("the old timer never fired").isEqualTo(1);
    }

    @Test
    @DisplayName("PI7 X1 X2 a return not in by its deadline: the non-interrupting timer at the end of the deadline "
            + "day marks it overdue, e-mails a reminder to the provider and tells the contracts manager, one e-mail "
            + "per retried step; the provider's task stays open, and the late return needs its reason at the check")
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

        // PI7: the service decides whether the return is in; the model's gateway acts on it.
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn", "SubProcess_Deadline", "Task_MarkOverdue"));
        when(returns.markOverdueIfNotIn(REFERENCE)).thenReturn(true);
        execute(job(instance, "Task_MarkOverdue"));
        verify(returns).markOverdueIfNotIn(REFERENCE);
        assertThat(variable(instance, "returnOverdue")).isEqualTo(true);

        // X2: two async, retried steps, one e-mail each.
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendReturnReminder"));
        Job reminder = job(instance, "Task_SendReturnReminder");
        assertThat(reminder).hasRetries(5);
        execute(reminder);
        verify(notifications).send(mail(PROVIDER_EMAIL, "pi-return-reminder"));
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendLateReturnNotice"));
        Job notice = job(instance, "Task_SendLateReturnNotice");
        assertThat(notice).hasRetries(5);
        execute(notice);
        verify(notifications).send(mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late"));

        assertThat(templatesSent()).containsExactly("pi-return-request", "pi-return-reminder", "pi-return-late");
        assertThat(instance).hasPassedInOrder("StartEvent_DeadlinePassed", "Task_MarkOverdue", "Gateway_ReturnIn",
                        "Task_SendReturnReminder", "Task_SendLateReturnNotice", "EndEvent_ReminderHandled")
                .isWaitingAtExactly(watching("Task_SubmitReturn"));
        assertThat(task(instance).getId()).as("the same provider task, not a new one").isEqualTo(submit.getId());
        assertThat(task(instance).getDueDate()).as("now overdue in Tasklist").isBefore(london("2026-10-29T08:00"));
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the reminder fires once").isZero();

        TestClock.setTo("2026-11-02T11:00");
        when(piReturn.isLate()).thenReturn(true);
        Task check = submit(instance, completeReturn());
        assertThat(variable(instance, "returnLate")).isEqualTo(true);
        assertThat(check).hasDueDate(london("2026-11-16T23:59:59"));
        when(returns.check(eq(REFERENCE), argThat(c -> c != null && c.late() && c.latenessReason() == null)))
                .thenThrow(new BusinessRuleViolation("PI7", "Record the reason the return is late."));
        assertThatThrownBy(() -> completeAs(OFFICER, check, withVariables("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI7: Record the reason the return is late.");
        assertThat(task(instance).getId()).isEqualTo(check.getId());

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept", "latenessReason", "Manager on sick leave"));

        assertThat(lastCheck()).isEqualTo(new Check(CheckOutcome.ACCEPT, "Manager on sick leave", null, true, true, null, false,
                false));
        verify(returns).signOff(REFERENCE, OFFICER, null);
        completeAs(CLERK, task(instance), withVariables("dataRecorded", true));
        assertThat(instance).hasPassed("EndEvent_ReminderHandled", "EndEvent_ReturnRecorded").isEnded();
        assertThat(count(instance, "Task_SendReturnReminder")).isEqualTo(1);
    }

    @Test
    @DisplayName("PI7 a return already submitted when the deadline passes: the overdue step finds it in, nothing is "
            + "sent, and the check goes on")
    void returnAlreadyInIsNotChased() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        TestClock.setTo("2026-10-27T15:00");
        Task check = submit(instance, completeReturn());

        deadlinePasses(instance, false);

        assertThat(variable(instance, "returnOverdue")).isEqualTo(false);
        assertThat(templatesSent()).containsExactly("pi-return-request");
        assertThat(instance).hasPassedInOrder("Task_MarkOverdue", "Gateway_ReturnIn", "EndEvent_ReminderHandled")
                .hasNotPassed("Task_SendReturnReminder", "Task_SendLateReturnNotice")
                .isWaitingAtExactly(watching("Task_CheckReturn"));
        assertThat(task(instance).getId()).isEqualTo(check.getId());

        completeAs(OFFICER, check, withVariables("checkOutcome", "accept"));
        assertThat(lastCheck().late()).isFalse();
        assertThat(instance).isWaitingAtExactly(watching("Task_RecordReturnData"));
    }

    @Test
    @DisplayName("PI2 a deadline not after the quarter's end is refused when the return is requested; no instance or "
            + "timer is left behind")
    void deadlineBeforeTheQuarterEndIsRefused() {
        when(returns.open(SERVICE_CODE, YEAR, QUARTER, LocalDate.of(2026, 9, 15)))
                .thenThrow(new BusinessRuleViolation("PI2", "The deadline must be after the quarter ends on 2026-09-30."));
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                        "serviceCode", SERVICE_CODE, "reportingYear", YEAR, "quarter", QUARTER,
                        "deadline", "2026-09-15"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be after the quarter ends on 2026-09-30.");

        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(jobQuery().count()).isZero();
        verify(notifications, never()).send(any());
    }

    @Test
    @DisplayName("PI2 a return requested with no deadline, or one that is not a date, is refused with the PI2 message "
            + "(not an engine error from the deadline timer); no instance or timer is left behind")
    void missingOrUnreadableDeadlineIsRefused() {
        when(returns.open(eq(SERVICE_CODE), eq(YEAR), eq(QUARTER), isNull()))
                .thenThrow(new BusinessRuleViolation("PI2", "The deadline must be after the quarter ends on 2026-09-30."));
        Map<String, Object> noDeadline = withVariables("serviceCode", SERVICE_CODE, "reportingYear", YEAR,
                "quarter", QUARTER);
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, noDeadline)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be after the quarter ends on 2026-09-30.");
        // the delegate reads the form at the edge: an unreadable date never reaches the service
        assertThatThrownBy(() -> as(OFFICER, () -> runtimeService().startProcessInstanceByKey(PROCESS, withVariables(
                        "serviceCode", SERVICE_CODE, "reportingYear", YEAR, "quarter", QUARTER,
                        "deadline", "28/10/2026"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("PI2: The deadline must be a date like 2026-11-25.");

        verify(returns, times(1)).open(any(), any(), any(), any());
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
                .isZero();
        assertThat(jobQuery().count()).as("no deadline timer kept").isZero();
        verify(notifications, never()).send(any());
    }

    @Test
    @DisplayName("PI2 PI7 X1 a deadline given as a typed java.util.Date starts the return, and the reminder is armed "
            + "for the end of the deadline day in London")
    void deadlineAsTypedDate() {
        ProcessInstance instance = requestReturn(london("2026-10-28T00:00"));

        verify(returns).open(SERVICE_CODE, YEAR, QUARTER, LocalDate.parse(DEADLINE));
        assertThat(variable(instance, "deadlineDate")).isEqualTo(DEADLINE);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE_PASSED);
        assertSubmitTask(emailRequest(instance));
    }

    @Test
    @DisplayName("PI2 PI7 X1 a deadline given as an ISO date-time string (2026-10-28T00:00:00Z) starts the return, "
            + "and the reminder is armed for the end of the deadline day in London")
    void deadlineAsIsoDateTime() {
        ProcessInstance instance = requestReturn("2026-10-28T00:00:00Z");

        verify(returns).open(SERVICE_CODE, YEAR, QUARTER, LocalDate.parse(DEADLINE));
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
        deadlinePasses(instance, true);
        execute(job(instance, "Task_SendReturnReminder"));
        execute(job(instance, "Task_SendLateReturnNotice"));

        assertThat(templatesSent()).containsExactly("pi-return-request", "pi-return-reminder", "pi-return-late");
        assertThat(task(instance).getId()).isEqualTo(submit.getId());
    }

    @Test
    @DisplayName("X2 a failing request e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "once the mail server is back and the job retried, the request is sent once and the provider's task "
            + "appears")
    void failedRequestMailIsRetriedAndNeverLost() {
        ProcessInstance instance = requestReturn();

        Job mail = failUntilIncident(instance, "Task_RequestReturn");

        assertThat(instance).isWaitingAtExactly(watching("Task_RequestReturn"));
        assertThat(deadlineTimer(instance)).as("the deadline timer is unaffected").isNotNull();

        // The mail server is back; an operator retries the job once (Cockpit "increment retries").
        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(job(instance, "Task_RequestReturn"));

        verify(notifications, times(1)).send(mail(PROVIDER_EMAIL, "pi-return-request"));
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn"));
        assertSubmitTask(task(instance));
    }

    @Test
    @DisplayName("X2 the back-to-provider e-mail and the deadline reminder are retried 5 times too, then raise an "
            + "incident instead of being lost")
    void otherMailsAreRetriedThenRaiseAnIncident() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);

        deadlinePasses(instance, true);
        failUntilIncident(instance, "Task_SendReturnReminder");
        assertThat(instance).isWaitingAtExactly(watching("Task_SubmitReturn", "SubProcess_Deadline", "Task_SendReturnReminder"));

        TestClock.setTo("2026-10-30T09:00");
        when(returns.check(eq(REFERENCE), any())).thenReturn(new CheckResult(LocalDate.of(2026, 11, 13)));
        completeAs(PROVIDER_USER, task(instance), submission(93.0, 96.0, 93.0, null, 90.0));
        completeAs(OFFICER, task(instance), withVariables("checkOutcome", "incomplete",
                "requestToProvider", "Add SPI3 staffing.", "latenessReason", "Late staffing figures"));
        failUntilIncident(instance, "Task_EmailRequestToProvider");

        assertThat(instance).isWaitingAtExactly(watching("SubProcess_Deadline", "Task_SendReturnReminder", "Task_EmailRequestToProvider"));
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);
        verify(notifications, never()).send(mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late"));
    }

    @Test
    @DisplayName("PI7 X2 a failing contracts-manager notice is retried 5 times, then raises an incident; the "
            + "provider's reminder, already sent, is not sent again, and once retried the notice goes once")
    void failedLateNoticeNeverResendsTheReminder() {
        ProcessInstance instance = requestReturn();
        emailRequest(instance);
        deadlinePasses(instance, true);
        execute(job(instance, "Task_SendReturnReminder"));

        Job notice = failUntilIncident(instance, "Task_SendLateReturnNotice");

        verify(notifications, times(1)).send(mail(PROVIDER_EMAIL, "pi-return-reminder"));
        clearInvocations(notifications);
        managementService().setJobRetries(notice.getId(), 1);
        execute(job(instance, "Task_SendLateReturnNotice"));

        verify(notifications, times(1)).send(mail(CONTRACTS_MANAGER_EMAIL, "pi-return-late"));
        verify(notifications, never()).send(mail(PROVIDER_EMAIL, "pi-return-reminder"));
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReminderHandled").isWaitingAtExactly(watching("Task_SubmitReturn"));
    }
}
