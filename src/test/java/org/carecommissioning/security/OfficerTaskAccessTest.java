package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.performance.ContractPage;
import org.carecommissioning.performance.Workbooks;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hole 4 of "Safe to put in front of provider staff": a purchasing officer's tasks belong to the service's own
 * officer (the assignee) and to the contracts managers (candidates, who may reassign), not to every officer.
 */
@ApplicationTest
class OfficerTaskAccessTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Workbooks workbooks;
    @Autowired
    FilterService filterService;

    String code;
    String officerA;
    String officerB;
    String coveringOfficer;
    String manager;
    String providerUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        code = Scenario.uniqueCode("OT");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        scenario.asSystem(() -> organisations.registerProvider(code + "B", "Provider " + code + "B",
                code.toLowerCase() + "b@p.example"));
        officerA = "ot-po-a-" + code.toLowerCase();
        officerB = "ot-po-b-" + code.toLowerCase();
        coveringOfficer = "ot-po-c-" + code.toLowerCase();
        manager = "ot-cm-" + code.toLowerCase();
        providerUser = "ot-prov-" + code.toLowerCase();
        scenario.user(officerA, Roles.PURCHASING_OFFICER);
        scenario.user(officerB, Roles.PURCHASING_OFFICER);
        scenario.user(coveringOfficer, Roles.PURCHASING_OFFICER);
        scenario.user(manager, Roles.CONTRACTS_MANAGER);
        scenario.user(providerUser, Roles.PROVIDER, provider.getGroupId());
        // two services: officer A's and officer B's
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing",
                PriorityLevel.AMBER, officerA, LocalDate.of(2027, 9, 1));
        services.register("S" + code + "B", "Service " + code + "B", code + "B", "Older people", "Floating support",
                PriorityLevel.AMBER, officerB, LocalDate.of(2027, 9, 1));
        workbooks.issue("S" + code, "2026/27", new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2",
                true, "A. Manager", new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5")), null, null,
                officerA);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Hole 4: another purchasing officer cannot list, read or complete an officer's Check return, over the REST API; the service's officer can")
    void checkReturnIsTheServiceOfficersOnly() {
        ProcessInstance pi = scenario.as(officerA, () -> runtimeService.startProcessInstanceByKey("pi-return",
                Map.of("serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28")));
        scenario.executeDueJobs(pi.getId());
        Map<String, Object> form = new HashMap<>(Map.of("dccCode", "DCC-2026", "unitsReported", 20, "kpi1", 93.0,
                "spi1", 96.0, "spi2", 93.0, "spi3", 95.0, "spi4", 90.0, "localPis", "All complete"));
        scenario.complete(providerUser, pi, "Task_SubmitReturn", form);
        Task check = scenario.task(pi, "Task_CheckReturn");
        assertThat(check.getAssignee()).isEqualTo(officerA);

        assertCannotTouch(officerB, check.getId(), pi, "{\"variables\":{\"checkOutcome\":{\"value\":\"accept\"}}}");
        assertThat(scenario.task(pi, "Task_CheckReturn")).as("officer B left the return unchecked").isNotNull();

        assertThat(taskIds(officerA, pi)).containsExactly(check.getId());
        assertThat(get(officerA, "/engine-rest/task/{id}/form-variables", check.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(officerA, "/engine-rest/task/{id}/variables", check.getId()).getBody()).contains("DCC-2026");
        assertThat(post(officerA, "/engine-rest/task/{id}/complete",
                "{\"variables\":{\"checkOutcome\":{\"value\":\"accept\"}}}", check.getId()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(scenario.task(pi, "Task_CheckReturn")).as("checked by the service's officer").isNull();
    }

    @Test
    @DisplayName("Hole 4: another purchasing officer cannot list, read or complete an officer's contract management meeting task; a contracts manager sees it and reassigns it")
    void meetingTaskIsTheServiceOfficersAndTheContractsManagers() {
        ProcessInstance meeting = scenario.as(officerA, () -> runtimeService.startProcessInstanceByKey(
                "contract-management-meeting", Map.of("serviceCode", "S" + code, "meetingDate", "2027-03-01")));
        scenario.executeDueJobs(meeting.getId());
        Task audit = scenario.task(meeting, "Task_InternalComplianceAudit");
        assertThat(audit.getAssignee()).isEqualTo(officerA);

        assertCannotTouch(officerB, audit.getId(), meeting, "{\"variables\":{}}");
        assertThat(scenario.task(meeting, "Task_InternalComplianceAudit")).isNotNull();
        assertThat(taskIds(officerA, meeting)).containsExactly(audit.getId());
        assertThat(get(officerA, "/engine-rest/task/{id}/form-variables", audit.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // the contracts manager sees it and hands it to another officer, who can then work it
        assertThat(taskIds(manager, meeting)).containsExactly(audit.getId());
        assertThat(post(manager, "/engine-rest/task/{id}/assignee", "{\"userId\":\"" + coveringOfficer + "\"}",
                audit.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(scenario.task(meeting, "Task_InternalComplianceAudit").getAssignee()).isEqualTo(coveringOfficer);
        assertThat(taskIds(coveringOfficer, meeting)).containsExactly(audit.getId());
        assertThat(taskIds(officerB, meeting)).isEmpty();
    }

    @Test
    @DisplayName("Hole 4: Tasklist's purchasing-officer filter shows an officer the tasks assigned to them, and not another officer's")
    void officerFilterShowsOwnTasks() {
        ProcessInstance meeting = scenario.as(officerA, () -> runtimeService.startProcessInstanceByKey(
                "contract-management-meeting", Map.of("serviceCode", "S" + code, "meetingDate", "2027-03-01")));
        scenario.executeDueJobs(meeting.getId());
        String audit = scenario.task(meeting, "Task_InternalComplianceAudit").getId();
        assertThat(filtered("Purchasing officer: open tasks", officerA)).contains(audit);
        assertThat(filtered("Purchasing officer: open tasks", officerB)).doesNotContain(audit);
    }

    private List<String> filtered(String filterName, String user) {
        return scenario.as(user, () -> {
            Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
            return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        });
    }

    private void assertCannotTouch(String stranger, String taskId, ProcessInstance instance, String completion) {
        assertThat(taskIds(stranger, instance)).as("listed to " + stranger).isEmpty();
        assertThat(this.<List<Map<String, Object>>>getJson(stranger, "/engine-rest/task?maxResults=1000"))
                .extracting(t -> t.get("id")).doesNotContain(taskId);
        for (String path : List.of("/engine-rest/task/{id}", "/engine-rest/task/{id}/form-variables",
                "/engine-rest/task/{id}/variables")) {
            assertThat(get(stranger, path, taskId).getStatusCode().is2xxSuccessful()).as(path).isFalse();
        }
        assertThat(get(stranger, "/engine-rest/process-instance/{id}/variables", instance.getId()).getStatusCode()
                .is2xxSuccessful()).as("the instance's variables").isFalse();
        assertThat(this.<List<Object>>getJson(stranger,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance.getId())).isEmpty();
        assertThat(this.<List<Object>>getJson(stranger,
                "/engine-rest/history/task?processInstanceId=" + instance.getId())).isEmpty();
        assertThat(post(stranger, "/engine-rest/task/{id}/complete", completion, taskId).getStatusCode()
                .is2xxSuccessful()).as("completed by " + stranger).isFalse();
        assertThat(post(stranger, "/engine-rest/task/{id}/claim", "{\"userId\":\"" + stranger + "\"}", taskId)
                .getStatusCode().is2xxSuccessful()).as("claimed by " + stranger).isFalse();
    }

    private List<Object> taskIds(String user, ProcessInstance instance) {
        List<Map<String, Object>> tasks = getJson(user, "/engine-rest/task?processInstanceId=" + instance.getId());
        return tasks.stream().map(t -> t.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> T getJson(String user, String path) {
        ResponseEntity<Object> response = rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null,
                Object.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return (T) response.getBody();
    }

    private ResponseEntity<String> get(String user, String path, Object... uriVariables) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class, uriVariables);
    }

    private ResponseEntity<String> post(String user, String path, String json, Object... uriVariables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(json, headers), String.class,
                uriVariables);
    }
}
