package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.StartupReadiness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13: health for the load balancer. Anonymous callers get the status of health, liveness and readiness and
 * nothing more; no other actuator endpoint exists over HTTP; readiness waits for the start-up writers and includes
 * the database, liveness does not.
 */
@ApplicationTest
class HealthEndpointsTest {

    private static final String UP = "{\"status\":\"UP\"}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    HealthEndpointGroups groups;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    @DisplayName("Issue 13: anonymous GET of liveness and readiness is 200 with the status only")
    void probesAreOpenAndSayOnlyTheStatus(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(UP);
    }

    @Test
    @DisplayName("Issue 13: anonymous GET of health is 200 with the status and the names of the two probes, no components")
    void healthIsOpenAndSaysOnlyTheStatus() {
        ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
        "/actuator/loggers", "/actuator/metrics", "/actuator/mappings", "/actuator/threaddump", "/actuator/info",
        "/actuator/health/db", "/actuator/health/diskSpace", "/actuator/shutdown"})
    @DisplayName("Issue 13: no other actuator endpoint, and no single health component, is reachable, even with a password")
    void nothingElseIsExposed(String path) {
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("admin", "test-admin-secret").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity(path, null, String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    @DisplayName("Issue 13: health cannot be changed: POST and DELETE are refused")
    void healthIsReadOnly() {
        assertThat(rest.postForEntity("/actuator/health", null, String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(rest.exchange("/actuator/health/readiness", org.springframework.http.HttpMethod.DELETE, null,
                String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    @DisplayName("Issue 13: readiness is the start-up state and the database; liveness is the application alone")
    void groups() {
        var readiness = groups.get("readiness");
        var liveness = groups.get("liveness");

        assertThat(readiness.isMember("readinessState")).isTrue();
        assertThat(readiness.isMember("db")).isTrue();
        assertThat(readiness.isMember("mail")).isFalse();
        assertThat(liveness.isMember("livenessState")).isTrue();
        assertThat(liveness.isMember("db")).as("a database outage must not restart every node").isFalse();
    }

    @Test
    @DisplayName("Issue 13: readiness was not UP while the start-up writers ran (Tomcat was already answering), and is UP after")
    void readyOnlyAfterStartUp() {
        assertThat(StartupReadiness.seenDuringStartUp()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getBody()).isEqualTo(UP);
    }
}
