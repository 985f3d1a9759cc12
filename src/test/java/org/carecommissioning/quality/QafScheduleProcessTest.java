package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.carecommissioning.support.TestClock.LONDON;
import static org.carecommissioning.support.TestClock.london;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** qaf-schedule with its real delegates on a mocked QafScheduling: the issue date's timer and both paths (Q2, X1). */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/qaf-schedule.bpmn")
@DisplayName("qaf-schedule process (Q2, X1)")
class QafScheduleProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final LocalDate MEETING = LocalDate.of(2027, 4, 12);

    private QafScheduling scheduling;

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo("2026-11-02T09:00");
        scheduling = mock(QafScheduling.class);
        when(scheduling.issue("S1", MEETING)).thenReturn("QAF-S1-2026-1");
        Mocks.register("qafScheduleCheckDelegate", new QafScheduleCheckDelegate(scheduling));
        Mocks.register("qafScheduledIssueDelegate", new QafScheduledIssueDelegate(scheduling));
    }

    @AfterEach
    void reset() {
        TestClock.reset();
        Mocks.reset();
    }

    @Test
    @DisplayName("Q2 X1 the issue date is the start of the day 3 months before the meeting; at once when that is past")
    void issueDate() {
        CareProperties care = mock(CareProperties.class);
        when(care.zone()).thenReturn(LONDON);
        Clock clock = Clock.fixed(london("2026-11-02T09:00").toInstant(), LONDON);
        QafScheduling real = new QafScheduling(null, null, new QafDeadlines(LONDON), null, null, care, clock);
        assertThat(real.issueAt(MEETING, LocalDate.of(2026, 11, 2))).isEqualTo(london("2027-01-12T00:00"));
        assertThat(real.issueAt(LocalDate.of(2027, 1, 31), LocalDate.of(2026, 11, 2)))
                .as("3 months before is 31 Oct, past").isEqualTo(london("2026-11-02T09:00"));
    }

    @Test
    @DisplayName("Q2 X1 the schedule waits for the issue date, then issues the full QAF for the meeting")
    void waitsThenIssues() {
        ProcessInstance schedule = start(london("2027-01-12T00:00"));
        assertThat(schedule).isWaitingAt("Event_IssueDate");
        assertThat(job().getDuedate()).isEqualTo(london("2027-01-12T00:00"));

        execute(job());
        assertThat(schedule).hasPassedInOrder("Task_CheckIssued", "Gateway_AlreadyIssued", "Task_IssueQaf")
                .hasVariables("qafReference").isEnded();
        assertThat(schedule).hasPassed("EndEvent_QafIssued");
        verify(scheduling).issue("S1", MEETING);
    }

    @Test
    @DisplayName("Q2 Decision: a QAF already issued for this meeting's cycle is not issued again")
    void alreadyIssued() {
        when(scheduling.alreadyIssued("S1", MEETING)).thenReturn(true);
        ProcessInstance schedule = start(london("2027-01-12T00:00"));
        assertThat(schedule).isWaitingAt("Event_IssueDate");
        execute(job());
        assertThat(schedule).hasPassed("EndEvent_NotNeeded").isEnded();
        verify(scheduling, never()).issue("S1", MEETING);
    }

    private static ProcessInstance start(Date issueAt) {
        return runtimeService().startProcessInstanceByKey("qaf-schedule", "QAFSCHED-S1-20270412", Map.of(
                "serviceCode", "S1", "meetingDate", MEETING.toString(), "qafIssueAt", issueAt));
    }
}
