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
 * processes/cmm-annual-schedule.bpmn: a cron timer start event on 1 December, then next year's meeting schedule
 * e-mailed (async, retried) to the contracts manager as a CSV. The mail delegate is a test double that picks the
 * year as {@link ScheduleMailDelegates.AnnualSchedule} does.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/cmm-annual-schedule.bpmn")
@DisplayName("cmm-annual-schedule process (C1, X1, X2)")
class CmmAnnualScheduleProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;


    private static final String PROCESS = "cmm-annual-schedule";
    private static final String CRON = "0 0 7 1 12 ?";
    private static final String CONTRACTS_MANAGER_EMAIL = "contracts.manager@commissioning.example";

    /** One schedule e-mail: to whom, for which year, with which attachment. */
    record ScheduleMail(String to, String template, int year, String attachment) {
    }

    private final List<ScheduleMail> mails = new ArrayList<>();
    private FakeDelegate annualScheduleMail;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-08-15T10:00"));
        annualScheduleMail = FakeDelegate.register("annualScheduleMailDelegate", execution -> sendSchedule());
    }

    /** As ScheduleMailDelegates.AnnualSchedule: next year's schedule (it sets no process variables). */
    private void sendSchedule() {
        int year = TestClock.today().getYear() + 1;
        mails.add(new ScheduleMail(CONTRACTS_MANAGER_EMAIL, "cmm-annual-schedule", year, "cmm-schedule-" + year + ".csv"));
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
        return ScheduledRuns.fire(PROCESS, "Task_SendScheduleToContractsManager");
    }

    private static Job mailJob(ProcessInstance instance) {
        return MailRetries.job(instance, "Task_SendScheduleToContractsManager");
    }

    @Test
    @DisplayName("C1 X1 the timer start event fires once a year, at 07:00 on 1 December (cron " + CRON + ")")
    void timerStartJobFiresEachDecember() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).activityIdIn("StartEvent_DecemberStarted").singleResult();
        assertThat(definition.getJobType()).isEqualTo("timer-start-event");
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);

        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2026-12-01T07:00"));
        TestClock.setTo(at("2026-11-30T23:59"));
        assertThat(jobQuery().processDefinitionKey(PROCESS).executable().count()).as("not yet due").isZero();
        assertThat(processInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
    }

    @Test
    @DisplayName("C1 X2 on 1 December the run e-mails next year's schedule to the contracts manager as an async step, "
            + "then ends; the next run is due on 1 December the year after")
    void firingTheTimerSendsNextYearsSchedule() {
        ProcessInstance instance = fireTimer();

        Job mail = mailJob(instance);
        assertThat(mail).hasRetries(5);
        assertThat(annualScheduleMail.attempts()).as("nothing sent in the timer's transaction").isZero();
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-12-01T07:00"));

        execute(mail);

        assertThat(annualScheduleMail.callCount()).isEqualTo(1);
        assertThat(mails).containsExactly(
                new ScheduleMail(CONTRACTS_MANAGER_EMAIL, "cmm-annual-schedule", 2027, "cmm-schedule-2027.csv"));
        assertThat(instance)
                .hasPassedInOrder("StartEvent_DecemberStarted", "Task_SendScheduleToContractsManager",
                        "EndEvent_ScheduleSent")
                .isEnded();
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("only the next timer is left").isEqualTo(1);

        // The year after: the 2028 schedule.
        ProcessInstance nextYear = fireTimer();
        execute(mailJob(nextYear));
        assertThat(mails).extracting(ScheduleMail::year).containsExactly(2027, 2028);
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2028-12-01T07:00"));
    }

    @Test
    @DisplayName("X2 a failing schedule e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "next year's run is still scheduled, and the operator's retry sends the schedule once")
    void failedScheduleMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        Job mail = MailRetries.failUntilIncident(instance, "Task_SendScheduleToContractsManager", annualScheduleMail);
        assertThat(annualScheduleMail.callCount()).isZero();
        assertThat(instance).isWaitingAtExactly("Task_SendScheduleToContractsManager");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-12-01T07:00"));
        assertThat(mails).isEmpty();

        annualScheduleMail.behave(execution -> sendSchedule());
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(annualScheduleMail.callCount()).isEqualTo(1);
        assertThat(mails).extracting(ScheduleMail::year).containsExactly(2027);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ScheduleSent").isEnded();
    }
}
