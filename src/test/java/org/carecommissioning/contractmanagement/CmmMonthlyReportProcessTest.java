package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * processes/cmm-monthly-report.bpmn: a cron timer start event on the first of each month, then the previous
 * month's meetings planned, held and kept to schedule e-mailed (async, retried) to the contracts manager. The REAL
 * {@link MonthlyScheduleReportMailDelegate} runs, registered with Camunda's {@link Mocks}; the schedule and the
 * mail are Mockito mocks.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/cmm-monthly-report.bpmn")
@DisplayName("cmm-monthly-report process (C1, X1, X2)")
class CmmMonthlyReportProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "cmm-monthly-report";
    private static final String CRON = "0 0 7 1 * ?";
    private static final String CONTRACTS_MANAGER_EMAIL = "contracts.manager@commissioning.example";

    private MeetingSchedule schedule;
    private NotificationService notifications;

    @BeforeEach
    void registerDelegateWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-11-15T10:00"));
        schedule = mock(MeetingSchedule.class);
        when(schedule.monthlyReport(any())).thenAnswer(invocation -> new MeetingSchedule.MonthlyReport(
                invocation.getArgument(0), 2, 1, 50, List.of("CMM-S1001-1 held 3 Nov 2026", "CMM-S1002-1 not held")));
        when(schedule.feedbackSummary(any())).thenReturn("No survey answers from providers this month.");
        notifications = mock(NotificationService.class);
        ContractManagementProperties properties = mock(ContractManagementProperties.class);
        when(properties.contractsManagerEmail()).thenReturn(CONTRACTS_MANAGER_EMAIL);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.systemDefault());

        // the real bean, under the name the model's delegateExpression uses
        Mocks.register("monthlyScheduleReportMailDelegate",
                new MonthlyScheduleReportMailDelegate(new ScheduleMails(schedule, mock(ContractServices.class),
                        notifications, properties, clock, List.of())));
    }

    /** The months the schedule was asked to report, in order: one per report e-mail built. */
    private List<YearMonth> monthsReported() {
        ArgumentCaptor<YearMonth> month = ArgumentCaptor.forClass(YearMonth.class);
        verify(schedule, atLeast(0)).monthlyReport(month.capture());
        return month.getAllValues();
    }

    /** The report e-mails sent, in order. */
    private List<Email> mailsSent() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues();
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
        return ScheduledRuns.fire(PROCESS, "Task_ReportMeetingsKeptToSchedule");
    }

    private static Job mailJob(ProcessInstance instance) {
        return MailRetries.job(instance, "Task_ReportMeetingsKeptToSchedule");
    }

    @Test
    @DisplayName("C1 X1 the timer start event fires at 07:00 on the first day of every month (cron " + CRON + ")")
    void timerStartJobFollowsTheMonths() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).activityIdIn("StartEvent_MonthStarted").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();

        List<Date> dueDates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Job timer = scheduleTimer();
            dueDates.add(timer.getDuedate());
            TestClock.setTo(timer.getDuedate());
            execute(timer);
        }

        assertThat(dueDates).containsExactly(at("2026-12-01T07:00"), at("2027-01-01T07:00"), at("2027-02-01T07:00"));
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-03-01T07:00"));
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(3);
    }

    @Test
    @DisplayName("C1 X2 on the first of the month the run e-mails last month's meetings kept to schedule to the "
            + "contracts manager as an async step, then ends; the next run is due the next month")
    void firingTheTimerSendsLastMonthsReport() {
        ProcessInstance instance = fireTimer();

        Job mail = mailJob(instance);
        assertThat(mail).hasRetries(5);
        verify(notifications, never().description("nothing sent in the timer's transaction")).send(any());
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-01-01T07:00"));

        execute(mail);

        assertThat(monthsReported()).containsExactly(YearMonth.of(2026, 11));
        verify(schedule).feedbackSummary(YearMonth.of(2026, 11));
        assertThat(mailsSent()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo(CONTRACTS_MANAGER_EMAIL);
            assertThat(sent.template()).isEqualTo("cmm-monthly-report");
            assertThat(Map.<String, Object>copyOf(sent.model())).containsEntry("planned", 2)
                    .containsEntry("completed", 1).containsEntry("percentage", 50)
                    .containsEntry("meetings", "CMM-S1001-1 held 3 Nov 2026\nCMM-S1002-1 not held")
                    .containsEntry("feedbackSummary", "No survey answers from providers this month.");
        });
        assertThat(instance)
                .hasPassedInOrder("StartEvent_MonthStarted", "Task_ReportMeetingsKeptToSchedule", "EndEvent_ReportSent")
                .isEnded();
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("only the next timer is left").isEqualTo(1);
    }

    @Test
    @DisplayName("C1 the January run reports December of the year before")
    void januaryRunReportsDecember() {
        execute(mailJob(fireTimer())); // 1 December 2026

        ProcessInstance january = fireTimer();
        execute(mailJob(january));

        assertThat(monthsReported()).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(mailsSent()).hasSize(2);
        assertThat(january).isEnded();
    }

    @Test
    @DisplayName("X2 a failing report e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "next month's run is still scheduled, and the operator's retry sends the report once")
    void failedReportMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        // X2: the SMTP server is down, so the mail sender throws; it is the one fake here
        Job mail = MailRetries.failUntilIncident(instance, "Task_ReportMeetingsKeptToSchedule", notifications);
        assertThat(instance).isWaitingAtExactly("Task_ReportMeetingsKeptToSchedule");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-01-01T07:00"));

        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(mailsSent()).singleElement().extracting(Email::template).isEqualTo("cmm-monthly-report");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReportSent").isEnded();
    }
}
