package org.carecommissioning.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The processes started by a cron timer start event (the schedule reports, the quarterly reports and invoice
 * runs), in the process tests: the timer's next due date and firing it as the job executor would.
 */
public final class ScheduledRuns {

    /** Cron timers are evaluated in the engine's (JVM's) default time zone. */
    public static final ZoneId ENGINE_ZONE = ZoneId.systemDefault();

    private ScheduledRuns() {
    }

    /** A wall-clock time in the engine's zone ("2026-12-01T07:00"), as cron timers compute their due dates. */
    public static Date engineTime(String engineLocalDateTime) {
        return Date.from(LocalDateTime.parse(engineLocalDateTime).atZone(ENGINE_ZONE).toInstant());
    }

    /** The timer start job of the process: its due date is the next run. */
    public static Job timerStartJob(String processKey) {
        Job timer = jobQuery().processDefinitionKey(processKey).timers().singleResult();
        assertThat(timer).as("timer start job of " + processKey).isNotNull();
        return timer;
    }

    /** Fires the timer start event at its due date; returns the run it started, waiting at its first async step. */
    public static ProcessInstance fire(String processKey, String firstAsyncStep) {
        Job timer = timerStartJob(processKey);
        TestClock.setTo(timer.getDuedate());
        execute(timer);
        ProcessInstance instance = processInstanceQuery().processDefinitionKey(processKey).active().singleResult();
        assertThat(instance).as("instance started by the timer").isNotNull();
        assertThat(instance).isWaitingAtExactly(firstAsyncStep);
        return instance;
    }
}
