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

import java.time.LocalDate;
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
 * processes/pi-quarterly-reports.bpmn: a cron timer start event a month into each quarter, then the management and
 * late-returns reports e-mailed (async, retried) to the Core Strategy Group and the commissioning body. The mail
 * delegate is a test double that works out the reported quarter as {@link QuarterlyReportsMailDelegate} does.
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
    }

    private final List<ReportMail> mails = new ArrayList<>();
    private FakeDelegate reportsMail;

    @BeforeEach
    void registerTestDoubles() {
        // Spring's engine may live in the same JVM: point the assertions at this test's engine.
        BpmnAwareTests.init(processEngine);
        // Before the deployment: the timer start job's first due date is computed from this clock.
        TestClock.setTo(at("2026-08-15T10:00"));
        reportsMail = FakeDelegate.register("quarterlyReportsMailDelegate", execution -> {
            // As QuarterlyReportsMailDelegate: a month into a quarter, report on the quarter that ended before it.
            LocalDate inReportedQuarter = TestClock.today().withDayOfMonth(1).minusMonths(2);
            int monthsIntoYear = (inReportedQuarter.getMonthValue() + 8) % 12;
            int startYear = inReportedQuarter.getMonthValue() >= 4 ? inReportedQuarter.getYear()
                    : inReportedQuarter.getYear() - 1;
            String year = new ReportingYear(startYear).toString();
            int quarter = monthsIntoYear / 3 + 1;
            for (String to : List.of(CSG_EMAIL, COMMISSIONING_BODY_EMAIL)) {
                mails.add(new ReportMail(to, year, quarter, List.of(
                        "pi-management-report-" + startYear + "Q" + quarter + ".csv",
                        "pi-late-returns-" + startYear + "Q" + quarter + ".csv")));
            }
            execution.setVariable("reportedQuarter", year + " Q" + quarter);
        });
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
        assertThat(reportsMail.attempts()).as("nothing sent in the timer's transaction").isZero();
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-02-01T07:00"));

        execute(mail);

        assertThat(reportsMail.callCount()).isEqualTo(1);
        assertThat(mails).containsExactly(
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
        assertThat(mails).extracting(ReportMail::quarter).containsExactly(2, 2, 3, 3, 4, 4);
        assertThat(february).isEnded();
        assertThat(may).isEnded();
    }

    @Test
    @DisplayName("X2 a failing report e-mail is retried every 5 minutes (retries 5 -> 0), then raises an incident; "
            + "the next quarter's run is still scheduled, and the operator's retry sends the reports once")
    void failedReportMailIsRetriedAndNeverLost() {
        ProcessInstance instance = fireTimer();
        Job mail = MailRetries.failUntilIncident(instance, "Task_SendQuarterlyReports", reportsMail);
        assertThat(reportsMail.callCount()).isZero();
        assertThat(instance).isWaitingAtExactly("Task_SendQuarterlyReports");
        assertThat(scheduleTimer().getDuedate()).isEqualTo(at("2027-02-01T07:00"));

        reportsMail.behave(execution -> execution.setVariable("reportedQuarter", "2026/27 Q2"));
        managementService().setJobRetries(mail.getId(), 1);
        execute(mailJob(instance));

        assertThat(reportsMail.callCount()).isEqualTo(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).hasPassed("EndEvent_ReportsSent").isEnded();
    }
}
