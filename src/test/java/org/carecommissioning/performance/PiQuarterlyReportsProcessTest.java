package org.carecommissioning.performance;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.support.MailRetries;
import org.carecommissioning.support.ScheduledRuns;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * processes/pi-quarterly-reports.bpmn: a cron timer start event a month into each quarter, then the management and
 * late-returns reports e-mailed (async, retried) to the Core Strategy Group and the commissioning body. The REAL
 * {@link QuarterlyReportsMailDelegate} runs, registered with Camunda's {@link Mocks}; {@link PiReports} and the mail
 * are Mockito mocks.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/pi-quarterly-reports.bpmn")
@DisplayName("pi-quarterly-reports process (PI7, PI8, X1, X2)")
class PiQuarterlyReportsProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "pi-quarterly-reports";
    private static final String CRON = "0 0 7 1 2,5,8,11 ?";
    private static final String CSG_EMAIL = "csg@commissioning.example";
    private static final String COMMISSIONING_BODY_EMAIL = "commissioning.body@commissioning.example";

    /** One report e-mail: to whom, for which year and quarter, with which attachments. */
    record ReportMail(String to, String reportingYear, int quarter, List<String> attachments) {

        static ReportMail of(Email email) {
            return new ReportMail(email.to(), (String) email.model().get("reportingYear"),
                    (Integer) email.model().get("quarter"),
                    email.attachments().stream().map(Email.Attachment::fileName).toList());
        }
    }

    private PiReports reports;
    private NotificationService notifications;
    private final PiReports.LateReturns late = new PiReports.LateReturns(List.of("PI-S1001-2026Q1"),
            "reference\nPI-S1001-2026Q1\n");

    @BeforeEach
    void registerDelegateWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-08-15T10:00"));
        reports = mock(PiReports.class);
        when(reports.lateReturnsToReport()).thenReturn(late);
        when(reports.managementReport(any(), anyInt())).thenReturn("reference,service_code\n");
        notifications = mock(NotificationService.class);
        ContractManagementProperties properties = mock(ContractManagementProperties.class);
        when(properties.csgEmail()).thenReturn(CSG_EMAIL);
        when(properties.commissioningBodyEmail()).thenReturn(COMMISSIONING_BODY_EMAIL);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.systemDefault());

        // the real bean, under the name the model's delegateExpression uses
        Mocks.register("quarterlyReportsMailDelegate",
                new QuarterlyReportsMailDelegate(reports, notifications, properties, clock));
    }

    /** The report e-mails sent, in order. */
    private List<ReportMail> mails() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream().map(ReportMail::of).toList();
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    private static Date at(String engineLocalDateTime) {
        return ScheduledRuns.engineTime(engineLocalDateTime);
    }

    private static Job scheduleTimer() {
        return ScheduledRuns.timerStartJob(PROCESS);
    }

    /** Fires the timer start event at its due date; returns the new instance, waiting at the async mail step. */
    private static ProcessInstance fireTimer() {
        return ScheduledRuns.fire(PROCESS, "Task_SendQuarterlyReports");
    }

    private static Job mailJob(ProcessInstance instance) {
        return MailRetries.job(instance, "Task_SendQuarterlyReports");
    }

    private static Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    @Test
    @DisplayName("PI7 PI8 X1 the timer start event fires at 07:00 on 1 November, 1 February, 1 May and 1 August "
            + "(cron " + CRON + ")")
    void timerStartJobFollowsTheReportingMonths() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).activityIdIn("StartEvent_ReportingMonth").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();

        List<Date> dueDates = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            Job timer = scheduleTimer();
            dueDates.add(timer.getDuedate());
            TestClock.setTo(timer.getDuedate());
            execute(timer);
        }

        assertThat(dueDates).containsExactly(at("2026-11-01T07:00"), at("2027-02-01T07:00"), at("2027-05-01T07:00"),
                at("2027-08-01T07:00"));
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-11-01T07:00"));
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).as("one instance per run")
                .isEqualTo(4);
    }

    @Test
    @DisplayName("PI7 PI8 X2 on 1 November the run e-mails the July-September reports to the CSG and the "
            + "commissioning body as an async step, then ends; the next run is due on 1 February")
    void firingTheTimerSendsTheReportsOfTheQuarterBefore() {
        ProcessInstance instance = fireTimer();

        Job mail = mailJob(instance);
        assertThat(mail).hasRetries(5);
        verify(notifications, never().description("nothing sent in the timer's transaction")).send(any());
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-02-01T07:00"));

        execute(mail);

        verify(reports).managementReport("2026/27", 2);
        verify(reports).markReported(late);
        assertThat(mails()).containsExactly(
                new ReportMail(CSG_EMAIL, "2026/27", 2,
                        List.of("pi-management-report-2026Q2.csv", "pi-late-returns-2026Q2.csv")),
                new ReportMail(COMMISSIONING_BODY_EMAIL, "2026/27", 2,
                        List.of("pi-management-report-2026Q2.csv", "pi-late-returns-2026Q2.csv")));
        assertThat(instance)
                .hasPassedInOrder("StartEvent_ReportingMonth", "Task_SendQuarterlyReports", "EndEvent_ReportsSent")
                .isEnded();
        assertThat(historicVariable(instance, "reportedQuarter")).isEqualTo("2026/27 Q2");
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("only the next timer is left").isEqualTo(1);
    }

    @Test
    @DisplayName("PI8 the February run reports October-December and the May run reports January-March of the same "
            + "reporting year")
    void laterRunsReportTheirQuarter() {
        execute(mailJob(fireTimer())); // 1 November 2026

        ProcessInstance february = fireTimer();
        execute(mailJob(february));
        ProcessInstance may = fireTimer();
        execute(mailJob(may));

        assertThat(historicVariable(february, "reportedQuarter")).isEqualTo("2026/27 Q3");
        assertThat(historicVariable(may, "reportedQuarter")).isEqualTo("2026/27 Q4");
        assertThat(mails()).extracting(ReportMail::quarter).containsExactly(2, 2, 3, 3, 4, 4);
        verify(reports).managementReport("2026/27", 3);
        verify(reports).managementReport("2026/27", 4);
        verify(reports, times(3)).markReported(late);
        assertThat(february).isEnded();
        assertThat(may).isEnded();
    }

    @Test
    @DisplayName("X2 a failing report e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "the next quarter's run is still scheduled, and the operator's retry sends the reports once")
    void failedReportMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        // X2: the SMTP server is down, so the mail sender throws; it is the one fake here
        Job mail = MailRetries.failUntilIncident(instance, "Task_SendQuarterlyReports", notifications);
        assertThat(instance).isWaitingAtExactly("Task_SendQuarterlyReports");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-02-01T07:00"));
        verify(reports, never().description("the late returns stay unreported for the retry")).markReported(any());

        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(mails()).extracting(ReportMail::to).containsExactly(CSG_EMAIL, COMMISSIONING_BODY_EMAIL);
        verify(reports, times(1)).markReported(late);
        assertThat(historicVariable(instance, "reportedQuarter")).isEqualTo("2026/27 Q2");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReportsSent").isEnded();
    }
}
