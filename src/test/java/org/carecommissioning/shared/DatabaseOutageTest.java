package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.DatabaseOutage;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13: while the database is away ({@link DatabaseOutage}: the pool refuses connections as Hikari does once its
 * connection-timeout has passed), every API answers at once with 503, {@code Retry-After} and a sentence, never a
 * bare 500 or SQL; readiness is down and liveness up; and everything works again when it is back.
 */
@ApplicationTest
class DatabaseOutageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;

    String user;

    @BeforeEach
    void aCaseworker() {
        user = Scenario.uniqueCode("outage-");
        scenario.user(user, "purchasing-officer");
    }

    @AfterEach
    void databaseBack() {
        DatabaseOutage.end();
    }

    @Test
    @DisplayName("Issue 13: /api, /engine-rest and Tasklist's API answer 503 with Retry-After and a sentence while the database is away")
    void apisFailFast() {
        WebappSession tasklist = WebappSession.login(rest, user, user);
        DatabaseOutage.begin();

        List<ResponseEntity<String>> answers = List.of(
                rest.withBasicAuth(user, user).getForEntity("/api/services", String.class),
                rest.withBasicAuth(user, user).getForEntity("/engine-rest/task", String.class),
                tasklist.get("/camunda/api/engine/engine/default/task?maxResults=15"));

        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
            assertThat(answer.getBody()).contains(ErrorCauses.DATABASE_AWAY)
                    .doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("Hikari");
        }
    }

    @Test
    @DisplayName("Issue 13: readiness is DOWN (503) while the database is away, liveness stays UP; both UP when it is back")
    void readinessFollowsTheDatabase() {
        DatabaseOutage.begin();
        ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
        ResponseEntity<String> liveness = rest.getForEntity("/actuator/health/liveness", String.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);

        DatabaseOutage.end();
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(user, user).getForEntity("/api/services", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
