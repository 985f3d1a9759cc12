package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
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

/** The engine REST API behind authentication, least privilege per group, and the two CE vulnerabilities closed. */
@ApplicationTest
class RestSecurityTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void clock() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("only GET /engine-rest/engine is open; every other engine REST call needs HTTP Basic authentication")
    void engineRestNeedsAuthentication() {
        assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/user",
                "/engine-rest/process-definition", "/engine-rest/deployment", "/engine-rest/incident")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // A wrong password also locks the account briefly (Camunda's login delay), so use an account of its own.
        scenario.user("rest-wrong-password", "coordinator");
        assertThat(rest.withBasicAuth("rest-wrong-password", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("admin", "test-admin-secret").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/api/invoices/INV-X/pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("R2 a commissioner sees only its own organisation's referral tasks, over the REST API too")
    void commissionerSeesOnlyOwnOrganisation() {
        World mine = scenario.world(LocalDate.of(2026, 7, 1));
        World theirs = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance own = scenario.refer(mine, "Own Client");
        ProcessInstance other = scenario.refer(theirs, "Other Client");

        List<Map<String, Object>> tasks = tasksOf(mine.commissioner());
        assertThat(tasks).extracting(t -> t.get("processInstanceId")).contains(own.getId()).doesNotContain(other.getId());
        String otherTask = scenario.task(other, "Task_ConfirmEligibility").getId();
        assertThat(rest.withBasicAuth(mine.commissioner(), mine.commissioner())
                .getForEntity("/engine-rest/task/{id}", String.class, otherTask).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        ResponseEntity<String> complete = rest.withBasicAuth(mine.commissioner(), mine.commissioner()).postForEntity(
                "/engine-rest/task/{id}/complete", json("{\"variables\":{}}"), String.class, otherTask);
        assertThat(complete.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(scenario.task(other, "Task_ConfirmEligibility")).as("the other organisation's task is untouched")
                .isNotNull();
    }

    @Test
    @DisplayName("a therapist sees no invoice tasks; finance does")
    void therapistSeesNoInvoices() {
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        Therapist therapist = scenario.therapistOn(world.partnership(), "Terry Tasks", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        ProcessInstance referral = journeys.authorisedReferral(world, "Ivy Invoice", 1, 0);
        journeys.session(referral, therapist, "2026-09-03T10:00", "attended", null);
        journeys.invoiceRun(2026, 2);
        scenario.user("rest-therapist", "therapist");

        assertThat(tasksOf(Journeys.FINANCE)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_RecordPayment");
        assertThat(tasksOf("rest-therapist")).extracting(t -> t.get("taskDefinitionKey"))
                .doesNotContain("Task_RecordPayment");
        assertThat(tasksOf(world.commissioner())).extracting(t -> t.get("taskDefinitionKey"))
                .doesNotContain("Task_RecordPayment");
    }

    @Test
    @DisplayName("CE vulnerability closed: expressions inside orQueries of a task query are refused and never run")
    void orQueryExpressionsAreRefused() {
        scenario.user("rest-coordinator", "coordinator");
        ExpressionProbe.CALLS.set(0);
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"${expressionProbe.touch()}\"}]}";
        ResponseEntity<String> list = rest.withBasicAuth("rest-coordinator", "rest-coordinator")
                .postForEntity("/engine-rest/task", json(body), String.class);
        ResponseEntity<String> count = rest.withBasicAuth("rest-coordinator", "rest-coordinator")
                .postForEntity("/engine-rest/task/count", json(body), String.class);
        ResponseEntity<String> admin = rest.withBasicAuth("admin", "test-admin-secret")
                .postForEntity("/engine-rest/task", json(body), String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list.getBody()).contains(QueryExpressionGuard.REFUSAL);
        assertThat(ExpressionProbe.CALLS.get()).as("the injected expression never ran").isZero();

        ResponseEntity<String> plain = rest.withBasicAuth("rest-coordinator", "rest-coordinator")
                .postForEntity("/engine-rest/task", json("{\"orQueries\":[{\"assignee\":\"x\"}]}"), String.class);
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("CE vulnerability closed: a saved filter cannot smuggle expressions in through orQueries")
    void filterWithOrQueryExpressionIsRefused() {
        ExpressionProbe.CALLS.set(0);
        String body = "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":{\"orQueries\":"
                + "[{\"candidateGroupExpression\":\"${expressionProbe.touch()}\"}]}}";
        ResponseEntity<String> created = rest.withBasicAuth("admin", "test-admin-secret")
                .postForEntity("/engine-rest/filter/create", json(body), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ExpressionProbe.CALLS.get()).isZero();
    }

    @Test
    @DisplayName("CE vulnerability closed: the admin setup endpoint cannot create an administrator, even when camunda-admin has no direct member")
    void adminSetupEndpointIsClosed() {
        scenario.asSystem(() -> {
            identityService.deleteMembership("admin", "camunda-admin");
            return null;
        });
        try {
            String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@x\"},"
                    + "\"credentials\":{\"password\":\"intruder-password\"}}";
            ResponseEntity<String> response = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
                    json(body), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(scenario.asSystem(() -> identityService.createUserQuery().userId("intruder").count())).isZero();
        } finally {
            scenario.asSystem(() -> {
                identityService.createMembership("admin", "camunda-admin");
                return null;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasksOf(String user) {
        ResponseEntity<List> response = rest.withBasicAuth(user, user).exchange("/engine-rest/task?maxResults=1000",
                HttpMethod.GET, null, List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
