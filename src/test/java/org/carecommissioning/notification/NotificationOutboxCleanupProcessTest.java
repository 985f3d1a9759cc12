package org.carecommissioning.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.support.ScheduledRuns;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * processes/notification-outbox-cleanup.bpmn: every night at 03:30 the REAL {@link ForgetOldNotificationsDelegate}
 * asks a Mockito-mocked {@link NotificationService} to forget the e-mails accepted more than 30 days before.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/notification-outbox-cleanup.bpmn")
@DisplayName("notification-outbox-cleanup process (X2, issue 13)")
class NotificationOutboxCleanupProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "notification-outbox-cleanup";
    private NotificationService notifications;

    @BeforeEach
    void registerDelegateWithMockedService() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo(ScheduledRuns.engineTime("2026-11-15T10:00"));
        notifications = mock(NotificationService.class);
        when(notifications.forgetAcceptedBefore(any())).thenReturn(7);
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.systemDefault());
        Mocks.register("forgetOldNotificationsDelegate", new ForgetOldNotificationsDelegate(notifications, clock));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    @Test
    @DisplayName("every night at 03:30 the keys of e-mails accepted more than 30 days before are forgotten")
    void forgetsAMonthOld() {
        JobDefinition definition = managementService().createJobDefinitionQuery().processDefinitionKey(PROCESS)
                .activityIdIn("StartEvent_NightStarted").singleResult();
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: 0 30 3 * * ?");
        Job timer = ScheduledRuns.timerStartJob(PROCESS);
        Date due = timer.getDuedate();
        assertThat(due).isEqualTo(ScheduledRuns.engineTime("2026-11-16T03:30"));

        TestClock.setTo(due);
        execute(timer);

        verify(notifications).forgetAcceptedBefore(LocalDateTime.of(2026, 10, 17, 3, 30));
        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).singleResult();
        assertThat(run.getEndActivityId()).isEqualTo("EndEvent_Forgotten");
        assertThat(ScheduledRuns.timerStartJob(PROCESS).getDuedate())
                .isEqualTo(ScheduledRuns.engineTime("2026-11-17T03:30"));
    }
}
