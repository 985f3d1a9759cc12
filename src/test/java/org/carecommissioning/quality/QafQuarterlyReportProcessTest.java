package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
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
 * processes/qaf-quarterly-report.bpmn: a cron timer at the start of each quarter, then the QAF report e-mailed (async,
 * retried) to the contracts manager with the CSV and PDF attached. The REAL {@link QafReportMailDelegate} runs;
 * {@link QafReports} and the mail are Mockito mocks.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/qaf-quarterly-report.bpmn")
@DisplayName("qaf-quarterly-report process (Q2 Q5 Q8, X1, X2)")
class QafQuarterlyReportProcessTest {

    /** Injected by ProcessEngineExtension. */
    ProcessEngine processEngine;

    private static final String PROCESS = "qaf-quarterly-report";
    private static final String CRON = "0 0 7 1 1,4,7,10 ?";
    private static final String MANAGER_EMAIL = "contracts.manager@commissioning.example";

    private QafReports reports;
    private NotificationService notifications;

    @BeforeEach
    void registerDelegateWithMockedServices() {
        BpmnAwareTests.init(processEngine);
        TestClock.setTo(ScheduledRuns.engineTime("2027-02-15T10:00"));
        reports = mock(QafReports.class);
        QafReports.Report report = new QafReports.Report(new QafYear(2026), LocalDate.of(2027, 4, 1),
                new QafReports.Returns(14, 11, 2, 1, 0), Map.of("concerns", 3, "none", 9), 2, Map.of(),
                List.of(new QafReports.DGrade("QAF-S1-2026-1", "S1", "Haven", CoreObjective.C1_3, "due Mon 15 Feb 2027")));
        when(reports.report(any())).thenReturn(report);
        when(reports.csvBytes(report)).thenReturn("section,item,detail,value\n".getBytes());
        when(reports.pdf(report)).thenReturn(new byte[] {'%', 'P', 'D', 'F'});
        notifications = mock(NotificationService.class);
        ContractManagementProperties properties = mock(ContractManagementProperties.class);
        when(properties.contractsManagerEmail()).thenReturn(MANAGER_EMAIL);
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.of("Europe/London"));
        Mocks.register("qafReportMailDelegate", new QafReportMailDelegate(reports, notifications, properties, clock));
    }

    @AfterEach
    void resetClockAndMocks() {
        TestClock.reset();
        Mocks.reset();
    }

    @Test
    @DisplayName("X1 the timer fires at 07:00 on 1 April, 1 July, 1 October and 1 January (cron " + CRON + ")")
    void timerEachQuarter() {
        JobDefinition definition = managementService().createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).activityIdIn("StartEvent_QuarterStarted").singleResult();
        assertThat(definition.getJobConfiguration()).isEqualTo("CYCLE: " + CRON);
        assertThat(ScheduledRuns.timerStartJob(PROCESS).getDuedate()).isEqualTo(ScheduledRuns.engineTime("2027-04-01T07:00"));
    }

    @Test
    @DisplayName("Q2 Q5 Q8 X2 on 1 April the report of the year just ended goes to the contracts manager as CSV and PDF, "
            + "in its own retried step; the next run is on 1 July")
    void firingSendsTheReport() {
        ProcessInstance instance = ScheduledRuns.fire(PROCESS, "Task_SendQafReport");
        verify(notifications, never()).send(any());
        assertThat(ScheduledRuns.timerStartJob(PROCESS).getDuedate()).isEqualTo(ScheduledRuns.engineTime("2027-07-01T07:00"));

        execute(MailRetries.job(instance, "Task_SendQafReport"));

        verify(reports).report(new QafYear(2026));
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications).send(sent.capture());
        Email mail = sent.getValue();
        assertThat(mail.to()).isEqualTo(MANAGER_EMAIL);
        assertThat(mail.template()).isEqualTo("qaf-report");
        assertThat(Map.<String, Object>copyOf(mail.model())).containsEntry("financialYear", "2026/27")
                .containsEntry("qafIssuedCount", 14).containsEntry("qafOnTimeCount", 11).containsEntry("qafVisitCount", 3)
                .containsEntry("qafDGradeCount", 1);
        assertThat(mail.attachments()).extracting(Email.Attachment::fileName)
                .containsExactly("qaf-report-2026-27.csv", "qaf-report-2026-27.pdf");
        assertThat(instance).hasPassedInOrder("StartEvent_QuarterStarted", "Task_SendQafReport", "EndEvent_ReportSent")
                .isEnded();
    }
}
