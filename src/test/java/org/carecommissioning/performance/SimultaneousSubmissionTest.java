package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.ErrorCauses;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.RivalCompletion;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two people of the provider submitting the same PI return at the same moment, on each of the three ways in: the
 * engine REST API, the webapps' API Tasklist submits its form to, and the application's CSV upload. The race is
 * forced ({@link RivalCompletion}): the loser has run its steps when the winner commits. One answer is a success;
 * the other is a 409 with a plain sentence, never a 500, SQL or an exception, and the return is submitted once. The
 * deadline's reminder e-mails, jobs of the same return running beside its task, never make a submission fail.
 */
@ApplicationTest
class SimultaneousSubmissionTest {

    private static final String CSV = "dcc_code,units,units_change_explanation,KPI1,SPI1,SPI2,SPI3,SPI4,local_pis,comments\n"
            + "DCC-2026,20,,93,96,93,95,90,All complete,";
    private static final String FORM = "{\"variables\":{\"dccCode\":{\"value\":\"DCC-2026\"},\"unitsReported\":{\"value\":20},"
            + "\"kpi1\":{\"value\":93},\"spi1\":{\"value\":96},\"spi2\":{\"value\":93},\"spi3\":{\"value\":95},"
            + "\"spi4\":{\"value\":90},\"localPis\":{\"value\":\"All complete\"}}}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Workbooks workbooks;
    @Autowired
    PiReturns returns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    String code;
    String providerUser;
    String colleague;
    ProcessInstance pi;

    @BeforeEach
    void returnAwaited() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        code = Scenario.uniqueCode("RACE");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        String officer = "race-po-" + code.toLowerCase();
        providerUser = "race-pr-" + code.toLowerCase();
        colleague = "race-pc-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(colleague, "provider", provider.getGroupId());
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing", PriorityLevel.GREEN,
                officer, LocalDate.of(2027, 6, 1));
        workbooks.issue("S" + code, "2026/27", new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2",
                true, "A. Manager", new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5")), null, null, officer);
        pi = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return", Map.of(
                "serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28")));
        scenario.executeDueJobs(pi.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 20, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Issue 13: PI2 two simultaneous completions over /engine-rest: one 204, the other 409 with a sentence")
    void engineRest() {
        AtomicReference<ResponseEntity<String>> winner = race(() -> complete(colleague));
        ResponseEntity<String> loser = complete(providerUser);

        assertThat(winner.get().getStatusCode()).as(winner.get().getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertConflict(loser);
        assertSubmittedOnce();
    }

    @Test
    @DisplayName("Issue 13: PI2 Tasklist's form submission (webapps' API) losing to a simultaneous completion is a 409 with a sentence")
    void webappApi() {
        WebappSession tasklist = WebappSession.login(rest, providerUser, providerUser);
        AtomicReference<ResponseEntity<String>> winner = race(() -> complete(colleague));
        ResponseEntity<String> loser = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId()
                + "/submit-form", FORM);

        assertThat(winner.get().getStatusCode()).as(winner.get().getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertConflict(loser);
        assertSubmittedOnce();
    }

    @Test
    @DisplayName("Issue 13: PI2 two simultaneous CSV uploads of one return over /api: one 200, the other 409 with a sentence")
    void applicationApi() {
        AtomicReference<ResponseEntity<String>> winner = race(() -> upload(colleague));
        ResponseEntity<String> loser = upload(providerUser);

        assertThat(winner.get().getStatusCode()).as(winner.get().getBody()).isEqualTo(HttpStatus.OK);
        assertConflict(loser);
        assertThat(loser.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertSubmittedOnce();
    }

    @Test
    @DisplayName("Issue 13: PI2 completing a task someone has just completed is a 404 with a sentence, on both engine APIs")
    void taskAlreadyCompleted() {
        String taskId = taskId();
        WebappSession tasklist = WebappSession.login(rest, providerUser, providerUser);
        assertThat(complete(colleague).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> engineRest = rest(providerUser).postForEntity("/engine-rest/task/{id}/complete",
                json(FORM), String.class, taskId);
        ResponseEntity<String> webapp = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId
                + "/submit-form", FORM);

        for (ResponseEntity<String> late : List.of(engineRest, webapp)) {
            assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(late.getBody()).contains(ErrorCauses.TASK_GONE);
            assertNoInternals(late);
        }
        assertSubmittedOnce();
    }

    /** Arms the rival for the return's task; it holds the rival's answer once the next completion has run. */
    private AtomicReference<ResponseEntity<String>> race(Supplier<ResponseEntity<String>> rival) {
        AtomicReference<ResponseEntity<String>> answer = new AtomicReference<>();
        RivalCompletion.before(taskId(), () -> answer.set(rival.get()));
        return answer;
    }

    private static void assertConflict(ResponseEntity<String> loser) {
        assertThat(loser.getStatusCode()).as(loser.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(loser.getBody()).contains(ErrorCauses.CONCURRENT_CHANGE);
        assertNoInternals(loser);
    }

    private static void assertNoInternals(ResponseEntity<String> answer) {
        assertThat(answer.getBody()).doesNotContainIgnoringCase("sql").doesNotContain("Exception")
                .doesNotContainIgnoringCase("duplicate key").doesNotContain("Cannot complete task")
                .doesNotContain("ENGINE-").doesNotContain("at org.");
    }

    private void assertSubmittedOnce() {
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_SubmitReturn").finished().count()).isEqualTo(1);
    }

    private ResponseEntity<String> complete(String user) {
        return rest(user).postForEntity("/engine-rest/task/{id}/complete", json(FORM), String.class, taskId());
    }

    private ResponseEntity<String> upload(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return rest(user).postForEntity("/api/pi-returns/{ref}/workbook", new HttpEntity<>(CSV, headers), String.class,
                pi.getBusinessKey());
    }

    private String taskId() {
        return scenario.task(pi, "Task_SubmitReturn").getId();
    }

    private TestRestTemplate rest(String user) {
        return rest.withBasicAuth(user, user);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /**
     * The reminder e-mails end their event sub-process inside the deadline watch, which rewrites only the watch's
     * executions, never the return's: the late submission succeeds although the reminder jobs run and commit at that
     * very moment.
     */
    @Test
    @DisplayName("PI2 PI7 a late return is submitted although the reminder e-mail jobs of the return run at the same moment")
    void lateReturnSubmittedWhileRemindersRun() {
        Scenario.now(LocalDateTime.of(2027, 1, 29, 9, 0));
        executeJob("StartEvent_DeadlinePassed");
        executeJob("Task_MarkOverdue");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_SendReturnReminder")
                .count()).isEqualTo(1);

        RivalCompletion.before(scenario.task(pi, "Task_SubmitReturn").getId(), () -> scenario.executeDueJobs(pi.getId()));
        scenario.complete(providerUser, pi, "Task_SubmitReturn", Map.of("dccCode", "DCC-2026", "unitsReported", 20,
                "kpi1", 93, "spi1", 96, "spi2", 93, "spi3", 95, "spi4", 90, "localPis", "All complete"));

        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(scenario.task(pi, "Task_CheckReturn")).isNotNull();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_SendLateReturnNotice")
                .count()).as("both reminder e-mails ran").isZero();
    }

    private void executeJob(String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).singleResult().getId());
    }
}
