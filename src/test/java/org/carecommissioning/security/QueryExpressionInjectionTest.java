package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hole 1: an ordinary provider account ran arbitrary expressions on the server through task and filter queries
 * (7.24 CE lets or-queries and filter extensions escape the engine's ad-hoc expression check). Every way in that
 * was found is tried here; the probe bean counts any expression that runs.
 */
@ApplicationTest
class QueryExpressionInjectionTest {

    private static final String PROVIDER = "hole1-provider";
    private static final String INJECTED = "${expressionProbe.touch()}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario.user(PROVIDER, "provider");
        ExpressionProbe.CALLS.set(0);
    }

    @Test
    @DisplayName("Hole 1: an or-query expression hidden behind a 20,000,001-character unknown field never runs")
    void oversizedBodyCannotSmuggleAnExpression() {
        String body = "{\"orQueries\":[{\"dueAfterExpression\":\"" + INJECTED + "\"}],\"x\":\"" + "a".repeat(20_000_001)
                + "\"}";

        ResponseEntity<String> response = asProvider().postForEntity("/engine-rest/task", json(body), String.class);

        assertThat(ExpressionProbe.CALLS.get()).as("the injected expression ran").isZero();
        assertThat(response.getStatusCode()).as("refused before anything reads it")
                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count"})
    @DisplayName("Hole 1: task list and count refuse an expression in an or-query, also with unicode-escaped keys")
    void orQueryExpressionRefused(String path) {
        for (String body : List.of(
                "{\"orQueries\":[{\"dueAfterExpression\":\"" + INJECTED + "\"}]}",
                "{\"orQueries\":[{\"assignee\":\"x\"},{\"dueAfter\\u0045xpression\":\"" + INJECTED + "\"}]}",
                "{\"orQueries\":[{\"\\u0063andidateUserExpression\":\"" + INJECTED + "\"}]}")) {
            ResponseEntity<String> response = asProvider().postForEntity(path, json(body), String.class);

            assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains(QueryExpressionGuard.REFUSAL);
        }
        assertThat(ExpressionProbe.CALLS.get()).isZero();
        assertThat(asProvider().postForEntity(path, json("{\"orQueries\":[{\"assignee\":\"x\"}]}"), String.class)
                .getStatusCode()).as("a plain or-query still works").isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("Hole 1: expressions as GET parameters of the task list and count are refused")
    void getParametersRefused() {
        for (String path : List.of("/engine-rest/task?dueAfterExpression={e}", "/engine-rest/task/count?assigneeExpression={e}")) {
            ResponseEntity<String> response = asProvider().getForEntity(path, String.class, INJECTED);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(ExpressionProbe.CALLS.get()).isZero();
    }

    @Test
    @DisplayName("Hole 1: a saved filter's list and count refuse an extending query with an expression, top-level or in an or-query")
    void filterListRefused() {
        String filterId = providerFilterId();
        for (String path : List.of("/engine-rest/filter/{id}/list", "/engine-rest/filter/{id}/count",
                "/engine-rest/filter/{id}/singleResult")) {
            for (String body : List.of("{\"orQueries\":[{\"dueAfterExpression\":\"" + INJECTED + "\"}]}",
                    "{\"dueAfterExpression\":\"" + INJECTED + "\"}")) {
                ResponseEntity<String> response = asProvider().postForEntity(path, json(body), String.class, filterId);
                assertThat(response.getStatusCode()).as(path + " " + body).isEqualTo(HttpStatus.BAD_REQUEST);
            }
        }
        assertThat(ExpressionProbe.CALLS.get()).isZero();
        assertThat(asProvider().postForEntity("/engine-rest/filter/{id}/list", json("{}"), String.class, filterId)
                .getStatusCode()).as("the filter itself still lists").isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("Hole 1: a filter cannot be created or changed to carry any expression but Tasklist's own, even by an administrator")
    void filterCreateRefused() {
        TestRestTemplate admin = rest.withBasicAuth("admin", "test-admin-secret");
        for (String query : List.of("{\"orQueries\":[{\"candidateGroupExpression\":\"" + INJECTED + "\"}]}",
                "{\"assigneeExpression\":\"" + INJECTED + "\"}",
                "{\"dueBeforeExpression\":\"${now().getClass().forName('java.lang.Runtime')}\"}")) {
            ResponseEntity<String> created = admin.postForEntity("/engine-rest/filter/create",
                    json("{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":" + query + "}"), String.class);
            assertThat(created.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(created.getBody()).contains("A saved filter may only use");
        }
        ResponseEntity<Map> mine = admin.postForEntity("/engine-rest/filter/create", json("{\"resourceType\":\"Task\","
                + "\"name\":\"mine\",\"query\":{\"assigneeExpression\":\"${currentUser()}\","
                + "\"dueBeforeExpression\":\"${dateTime().plusDays(2).toDate()}\"}}"), Map.class);
        assertThat(mine.getStatusCode()).as("Tasklist's own expressions are kept").isEqualTo(HttpStatus.OK);
        String id = (String) mine.getBody().get("id");
        ResponseEntity<String> update = admin.exchange("/engine-rest/filter/{id}", HttpMethod.PUT,
                json("{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\""
                        + INJECTED + "\"}]}}"), String.class, id);
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        admin.delete("/engine-rest/filter/{id}", id);
        assertThat(ExpressionProbe.CALLS.get()).isZero();
    }

    @Test
    @DisplayName("Hole 1: the webapps' copy of the API (what Tasklist calls) refuses the same queries")
    void webappApiRefused() {
        WebappSession tasklist = WebappSession.login(rest, PROVIDER, PROVIDER);
        String base = "/camunda/api/engine/engine/default";

        ResponseEntity<String> task = tasklist.post(base + "/task",
                "{\"orQueries\":[{\"dueAfterExpression\":\"" + INJECTED + "\"}]}");
        ResponseEntity<String> filter = tasklist.post(base + "/filter/" + providerFilterId() + "/list",
                "{\"dueAfterExpression\":\"" + INJECTED + "\"}");
        ResponseEntity<String> plain = tasklist.post(base + "/filter/" + providerFilterId() + "/list", "{}");

        assertThat(task.getStatusCode()).as(task.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(filter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(plain.getStatusCode()).as(plain.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ExpressionProbe.CALLS.get()).isZero();
    }

    @SuppressWarnings("unchecked")
    private String providerFilterId() {
        ResponseEntity<List> filters = asProvider().getForEntity("/engine-rest/filter?resourceType=Task", List.class);
        assertThat(filters.getBody()).as("the provider can read its Tasklist filters").isNotEmpty();
        return (String) ((Map<String, Object>) filters.getBody().get(0)).get("id");
    }

    private TestRestTemplate asProvider() {
        return rest.withBasicAuth(PROVIDER, PROVIDER);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
