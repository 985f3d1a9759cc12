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

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.testing.FakeDelegate;
import org.carecommissioning.testing.MailRetries;
import org.carecommissioning.testing.ScheduledRuns;
import org.carecommissioning.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/cmm-monthly-report.bpmn: a cron timer start event on the first of each month, then the previous
 * month's meetings planned, held and kept to schedule e-mailed (async, retried) to the contracts manager. The mail
 * delegate is a test double that picks the reported month as {@link ScheduleMailDelegates.MonthlyReport} does.
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

    /** One report e-mail: to whom, for which month. */
    record ReportMail(String to, String template, YearMonth month) {
    }

    private final List<ReportMail> mails = new ArrayList<>();
    private FakeDelegate monthlyReportMail;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-11-15T10:00"));
        monthlyReportMail = FakeDelegate.register("monthlyScheduleReportMailDelegate", execution ->
                // As ScheduleMailDelegates.MonthlyReport: the month before the run (it sets no process variables).
                mails.add(new ReportMail(CONTRACTS_MANAGER_EMAIL, "cmm-monthly-report",
                        YearMonth.from(TestClock.today()).minusMonths(1))));
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
        assertThat(monthlyReportMail.attempts()).as("nothing sent in the timer's transaction").isZero();
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-01-01T07:00"));

        execute(mail);

        assertThat(monthlyReportMail.callCount()).isEqualTo(1);
        assertThat(mails).containsExactly(
                new ReportMail(CONTRACTS_MANAGER_EMAIL, "cmm-monthly-report", YearMonth.of(2026, 11)));
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

        assertThat(mails).extracting(ReportMail::month).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(january).isEnded();
    }

    @Test
    @DisplayName("X2 a failing report e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "next month's run is still scheduled, and the operator's retry sends the report once")
    void failedReportMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        Job mail = MailRetries.failUntilIncident(instance, "Task_ReportMeetingsKeptToSchedule", monthlyReportMail);
        assertThat(monthlyReportMail.callCount()).isZero();
        assertThat(instance).isWaitingAtExactly("Task_ReportMeetingsKeptToSchedule");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-01-01T07:00"));
        assertThat(mails).isEmpty();

        monthlyReportMail.behave(execution -> mails.add(new ReportMail(CONTRACTS_MANAGER_EMAIL, "cmm-monthly-report",
                YearMonth.from(TestClock.today()).minusMonths(1))));
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(monthlyReportMail.callCount()).isEqualTo(1);
        assertThat(mails).hasSize(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReportSent").isEnded();
    }
}
