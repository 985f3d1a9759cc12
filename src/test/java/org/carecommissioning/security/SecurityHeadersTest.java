package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carecommissioning.support.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Hole 6: the APIs' answers carry no-store, nosniff and a referrer policy; HSTS only behind TLS (the tls profile). */
@ApplicationTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Hole 6: engine REST, webapp API and /api answers carry Cache-Control no-store, nosniff and Referrer-Policy")
    void apiAnswersCarryTheHeaders() {
        for (ResponseEntity<String> response : List.of(
                rest.getForEntity("/engine-rest/engine", String.class),
                rest.withBasicAuth("admin", "test-admin-secret").getForEntity("/engine-rest/task", String.class),
                rest.withBasicAuth("admin", "test-admin-secret").getForEntity("/api/services", String.class),
                rest.getForEntity("/api/services", String.class),
                rest.getForEntity("/camunda/api/engine/engine", String.class))) {
            HttpHeaders headers = response.getHeaders();
            assertThat(headers.getCacheControl()).as(response.toString()).isEqualTo("no-store");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(headers.getFirst("Strict-Transport-Security")).as("no HSTS without the tls profile").isNull();
        }
    }
}
