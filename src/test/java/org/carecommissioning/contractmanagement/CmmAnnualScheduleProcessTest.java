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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.carecommissioning.consultation.ConsultationBeans;
import org.carecommissioning.consultation.Consultations;
import org.carecommissioning.consultation.Consultations.ScheduleStatus;
import org.carecommissioning.consultation.Consultations.ScheduledService;
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
 * processes/cmm-annual-schedule.bpmn: a cron timer start event on 1 December, then next year's meeting schedule
 * e-mailed (async, retried) to the contracts manager as a CSV. The REAL {@link AnnualScheduleMailDelegate}
 * runs, registered with Camunda's {@link Mocks}; the schedule, the services and the mail are Mockito mocks.
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

    private MeetingSchedule schedule;
    private NotificationService notifications;

    @BeforeEach
    void registerDelegateWithMockedServices() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-08-15T10:00"));
        schedule = mock(MeetingSchedule.class);
        when(schedule.scheduleCsv(anyInt())).thenAnswer(invocation -> "service,month\nS1001," + invocation.getArgument(0));
        ContractServices services = mock(ContractServices.class);
        ContractedService red = mock(ContractedService.class);
        when(red.getPriorityLevel()).thenReturn(PriorityLevel.RED);
        ContractedService green = mock(ContractedService.class);
        when(green.getPriorityLevel()).thenReturn(PriorityLevel.GREEN);
        when(services.all()).thenReturn(List.of(red, green));
        notifications = mock(NotificationService.class);
        ContractManagementProperties properties = mock(ContractManagementProperties.class);
        when(properties.contractsManagerEmail()).thenReturn(CONTRACTS_MANAGER_EMAIL);
        // the engine's clock, which TestClock sets, is the application's clock here
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(invocation -> ClockUtil.getCurrentTime().toInstant());
        when(clock.getZone()).thenReturn(ZoneId.systemDefault());

        // the real bean, under the name the model's delegateExpression uses
        // U1 C1: the consultation capability's section of the same e-mail, the real one on a mocked Consultations
        Consultations consultations = mock(Consultations.class);
        when(consultations.schedule(anyString())).thenReturn(List.of());
        when(consultations.schedule("2027/28")).thenReturn(List.of(
                new ScheduledService("SP101", "Haven", "Haven Housing", LocalDate.of(2025, 6, 2),
                        LocalDate.of(2027, 6, 2), ScheduleStatus.DUE, null, null),
                new ScheduledService("SP102", "Elm Court", "Elm Care", null, null, ScheduleStatus.POSTPONED, null,
                        "2028/29")));
        AnnualScheduleSection consultationSection = ConsultationBeans.consultationScheduleSection(consultations);
        Mocks.register("annualScheduleMailDelegate", new AnnualScheduleMailDelegate(new ScheduleMails(schedule, services,
                notifications, properties, clock, List.of(consultationSection))));
    }

    /** The schedule e-mails sent, in order. */
    private List<Email> mailsSent() {
        ArgumentCaptor<Email> sent = ArgumentCaptor.forClass(Email.class);
        verify(notifications, atLeast(0)).send(sent.capture());
        return sent.getAllValues();
    }

    private static int yearOf(Email mail) {
        return (Integer) mail.model().get("year");
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
    @DisplayName("C1 U1 X2 on 1 December the run e-mails next year's schedule to the contracts manager as an async step, "
            + "with the service-user consultations of the financial year from April in the same e-mail, then ends; the "
            + "next run is due on 1 December the year after")
    void firingTheTimerSendsNextYearsSchedule() {
        ProcessInstance instance = fireTimer();

        Job mail = mailJob(instance);
        assertThat(mail).hasRetries(5);
        verify(notifications, never().description("nothing sent in the timer's transaction")).send(any());
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-12-01T07:00"));

        execute(mail);

        verify(schedule).scheduleCsv(2027);
        assertThat(mailsSent()).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo(CONTRACTS_MANAGER_EMAIL);
            assertThat(sent.template()).isEqualTo("cmm-annual-schedule");
            assertThat(Map.<String, Object>copyOf(sent.model())).containsEntry("year", 2027)
                    .containsEntry("serviceCount", 2).containsEntry("redCount", 1L);
            assertThat(sent.attachments()).extracting(Email.Attachment::fileName)
                    .containsExactly("cmm-schedule-2027.csv");
            assertThat((String) sent.model().get("scheduleSections")).as("U1 C1: the consultation schedule, same e-mail")
                    .isEqualTo("\nService-user consultations in 2027/28 (U1):\n"
                            + "  - SP101 Haven (Haven Housing): due; last consulted Mon 2 Jun 2025, due by Wed 2 Jun 2027\n"
                            + "  - SP102 Elm Court (Elm Care): postponed to 2028/29 (procurement review); last consulted"
                            + " never, due now\n");
        });
        assertThat(instance)
                .hasPassedInOrder("StartEvent_DecemberStarted", "Task_SendScheduleToContractsManager",
                        "EndEvent_ScheduleSent")
                .isEnded();
        assertThat(jobQuery().processDefinitionKey(PROCESS).count()).as("only the next timer is left").isEqualTo(1);

        // The year after: the 2028 schedule.
        ProcessInstance nextYear = fireTimer();
        execute(mailJob(nextYear));
        assertThat(mailsSent()).extracting(CmmAnnualScheduleProcessTest::yearOf).containsExactly(2027, 2028);
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2028-12-01T07:00"));
    }

    @Test
    @DisplayName("X2 a failing schedule e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "next year's run is still scheduled, and the operator's retry sends the schedule once")
    void failedScheduleMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        // X2: the SMTP server is down, so the mail sender throws; it is the one fake here
        Job mail = MailRetries.failUntilIncident(instance, "Task_SendScheduleToContractsManager", notifications);
        assertThat(instance).isWaitingAtExactly("Task_SendScheduleToContractsManager");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-12-01T07:00"));

        clearInvocations(notifications);
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(mailsSent()).extracting(CmmAnnualScheduleProcessTest::yearOf).containsExactly(2027);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ScheduleSent").isEnded();
    }
}
