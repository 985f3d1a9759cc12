package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;
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
 * processes/consultation-quarterly-summary.bpmn: a cron timer after each quarter, then the summary of service-user
 * feedback e-mailed to the Core Strategy Group and to the commissioning body, each in its own async, retried step,
 * with the CSV and PDF attached. The REAL delegates and {@link ConsultationSummaryMails} run;
 * {@link ConsultationQuarterlySummary} and the mail are Mockito mocks.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/consultation-quarterly-summary.bpmn")
@DisplayName("consultation-quarterly-summary process (U7, X1, X2)")
class ConsultationQuarterlySummaryProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "consultation-quarterly-summary";
    private static final String CRON = "0 0 7 1 1,4,7,10 ?";
    private static final String CSG = "csg@commissioning.example";
    private static final String BODY = "commissioning.body@commissioning.example";
    private static final String TO_CSG = "Task_SendSummaryToCsg";
    private static final String TO_BODY = "Task_SendSummaryToCommissioningBody";

    private ConsultationQuarterlySummary summaries;
    private NotificationService notifications;

    @BeforeEach
    void registerDelegatesWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo(ScheduledRuns.engineTime("2026-11-15T10:00"));
        summaries = mock(ConsultationQuarterlySummary.class);
        when(summaries.summary(any())).thenAnswer(call -> summary(call.getArgument(0)));
        notifications = mock(NotificationService.class);
        ConsultationProperties properties = new ConsultationProperties("safeguarding@commissioning.example", CSG, BODY);
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.of("Europe/London"));
        ConsultationSummaryMails mails = new ConsultationSummaryMails(summaries, notifications, properties);
        Mocks.register("consultationSummaryToCsgMailDelegate", new ConsultationSummaryToCsgMailDelegate(mails, clock));
        Mocks.register("consultationSummaryToBodyMailDelegate", new ConsultationSummaryToBodyMailDelegate(mails));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    private static Summary summary(ConsultationQuarter quarter) {
        Reported reported = new Reported("SUC-SP101-2026", "SP101", "Haven floating support", "Haven Housing",
                "small group", 7, 0, 1, 1, 1, quarter.lastDay().minusDays(3), "Users value the key workers.");
        return new Summary(quarter, quarter.lastDay().plusDays(1), List.of(reported), Totals.of(List.of(reported)),
                List.of(new Open("SUC-SP102-2026", "SP102", "Elm Court", "Elm Care", "under way")));
    }

    private List<Email> mailsSent() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues();
    }

    @Test
    @DisplayName("U7 X1 the timer fires after each quarter ends: 07:00 on 1 January, 1 April, 1 July and 1 October "
            + "(cron " + CRON + ", server time zone)")
    void timerAfterEachQuarter() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).activityIdIn("StartEvent_QuarterEnded").singleResult();
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);
        assertThat(ScheduledRuns.timerStartJob(PROCESS).getDuedate())
                .isEqualTo(ScheduledRuns.engineTime("2027-01-01T07:00"));
    }

    @Test
    @DisplayName("U7 X2 on 1 January the summary of 2026/27 Q3 goes to the CSG, then in its own step to the "
            + "commissioning body, each with the CSV and PDF; the next run is on 1 April")
    void firingSendsTheSummaryToBoth() {
        ProcessInstance instance = ScheduledRuns.fire(PROCESS, TO_CSG);
        verify(notifications, never()).send(any());
        assertThat(ScheduledRuns.timerStartJob(PROCESS).getDuedate())
                .isEqualTo(ScheduledRuns.engineTime("2027-04-01T07:00"));

        execute(MailRetries.retriedJob(instance, TO_CSG));
        assertThat(mailsSent()).singleElement().satisfies(mail -> assertThat(mail.to()).isEqualTo(CSG));
        assertThat(instance).isWaitingAt(TO_BODY);
        execute(MailRetries.retriedJob(instance, TO_BODY));

        verify(summaries, atLeast(2)).summary(new ConsultationQuarter(2026, 3));
        List<Email> mails = mailsSent();
        assertThat(mails).extracting(Email::to).containsExactly(CSG, BODY);
        for (Email mail : mails) {
            assertThat(mail.template()).isEqualTo("consultation-quarterly-summary");
            assertThat(Map.<String, Object>copyOf(mail.model()))
                    .containsEntry("quarterLabel", "2026/27 Q3 (October-December 2026)")
                    .containsEntry("consultationCount", 1).containsEntry("participantCount", 7L)
                    .containsEntry("complaintCount", 2L).containsEntry("safeguardingCount", 1L)
                    .containsEntry("openCount", 1);
            assertThat(mail.attachments()).extracting(Email.Attachment::fileName)
                    .containsExactly("consultation-summary-2026-27-q3.csv", "consultation-summary-2026-27-q3.pdf");
            assertThat(new String(mail.attachments().get(0).content(), StandardCharsets.UTF_8))
                    .contains("SUC-SP101-2026", "Users value the key workers.", "SUC-SP102-2026", "under way");
        }
        assertThat(instance).hasPassedInOrder("StartEvent_QuarterEnded", TO_CSG, TO_BODY, "EndEvent_SummarySent")
                .isEnded();
    }

    @Test
    @DisplayName("U7 X1 on 1 April the summary is of Q4 (January-March) of the financial year just ended")
    void aprilRunReportsTheLastQuarterOfTheYear() {
        ProcessInstance january = ScheduledRuns.fire(PROCESS, TO_CSG);
        execute(MailRetries.job(january, TO_CSG));
        execute(MailRetries.job(january, TO_BODY));
        clearInvocations(notifications);

        ProcessInstance april = ScheduledRuns.fire(PROCESS, TO_CSG);
        execute(MailRetries.job(april, TO_CSG));
        execute(MailRetries.job(april, TO_BODY));
        verify(summaries, atLeast(2)).summary(new ConsultationQuarter(2026, 4));
        assertThat(mailsSent()).extracting(mail -> (Object) mail.model().get("quarterLabel"))
                .containsExactly("2026/27 Q4 (January-March 2027)", "2026/27 Q4 (January-March 2027)");
    }

    @Test
    @DisplayName("X2 a failing e-mail to the commissioning body is retried, then an incident; the CSG's is not sent "
            + "again, and the operator's retry sends the same quarter's summary once")
    void failedMailToTheBodyIsRetriedAlone() {
        ProcessInstance instance = ScheduledRuns.fire(PROCESS, TO_CSG);
        execute(MailRetries.job(instance, TO_CSG));
        clearInvocations(notifications);
        TestClock.setTo(ScheduledRuns.engineTime("2027-04-02T09:00"));

        Job mail = MailRetries.failUntilIncident(instance, TO_BODY, notifications);
        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(MailRetries.job(instance, TO_BODY));

        assertThat(mailsSent()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo(BODY);
            assertThat(sent.model().get("quarterLabel")).as("the quarter the CSG was sent, not the day's")
                    .isEqualTo("2026/27 Q3 (October-December 2026)");
        });
        assertThat(instance).isEnded();
    }
}
