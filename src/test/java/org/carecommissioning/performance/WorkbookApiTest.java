package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** PI1: the year's workbook issued and changed over the authenticated API. */
@ApplicationTest
class WorkbookApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;

    String code;
    String officer;
    String providerUser;
    String otherProviderUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("WB");
        var provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        var other = scenario.asSystem(() -> organisations.registerProvider(code + "O", "Other " + code,
                code.toLowerCase() + "o@p.example"));
        officer = "po-" + code.toLowerCase();
        providerUser = "pr-" + code.toLowerCase();
        otherProviderUser = "pro-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", other.getGroupId());
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing", PriorityLevel.GREEN,
                officer, LocalDate.of(2027, 9, 1));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PI1 the officer issues the year's workbook (V1); a change makes V2 with its reason; the provider reads it, another provider cannot")
    void issueAndChange() {
        ResponseEntity<Map> v1 = post(officer, page(40));
        assertThat(v1.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(v1.getBody()).containsEntry("version", "V1").containsEntry("effectiveFrom", "2026-04-01")
                .containsEntry("units", 40);

        Map<String, Object> unchanged = page(40);
        unchanged.put("reason", "Nothing");
        assertRefused(post(officer, unchanged), HttpStatus.BAD_REQUEST, "unchanged; it stays locked as V1");
        assertRefused(post(officer, page(44)), HttpStatus.BAD_REQUEST, "Say why the locked contract page changes");

        Map<String, Object> change = page(44);
        change.put("reason", "Four units added from January");
        ResponseEntity<Map> v2 = post(officer, change);
        assertThat(v2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(v2.getBody()).containsEntry("version", "V2").containsEntry("units", 44)
                .containsEntry("changeReason", "Four units added from January");

        ResponseEntity<Map> read = rest.withBasicAuth(providerUser, providerUser)
                .getForEntity("/api/services/{code}/workbooks?year=2026/27", Map.class, "S" + code);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("version", "V2");
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser)
                .getForEntity("/api/services/{code}/workbooks?year=2026/27", Map.class, "S" + code).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(officer, officer)
                .getForEntity("/api/services/{code}/workbooks?year=2027/28", Map.class, "S" + code).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("PI1 PI2 bad input: a provider issuing, a malformed year, no DCC code, negative units, a wrong planned duration; nothing is written")
    void badInput() {
        assertRefused(post(providerUser, page(40)), HttpStatus.FORBIDDEN, "Only purchasing officers");
        // Hole 4 over /api: another service's purchasing officer cannot issue or change this service's workbook
        scenario.user("po-other-" + code.toLowerCase(), "purchasing-officer");
        assertRefused(post("po-other-" + code.toLowerCase(), page(40)), HttpStatus.FORBIDDEN,
                "own purchasing officer or a contracts manager");
        Map<String, Object> badYear = page(40);
        badYear.put("year", "2026-27");
        assertRefused(post(officer, badYear), HttpStatus.BAD_REQUEST, "like 2026/27");
        Map<String, Object> noCode = page(40);
        noCode.remove("dccCode");
        assertRefused(post(officer, noCode), HttpStatus.BAD_REQUEST, "DCC authorisation code");
        assertRefused(post(officer, page(-1)), HttpStatus.BAD_REQUEST, "Units cannot be negative");
        Map<String, Object> duration = page(40);
        duration.put("plannedDuration", "3 years");
        assertRefused(post(officer, duration), HttpStatus.BAD_REQUEST, "UNDER_2 or OVER_2");
        assertThat(rest.withBasicAuth(officer, officer)
                .getForEntity("/api/services/{code}/workbooks?year=2026/27", Map.class, "S" + code).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Map<String, Object> page(int units) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", "2026/27");
        body.put("dccCode", "DCC-2026");
        body.put("administeringAuthority", "Derbyshire County Council");
        body.put("units", units);
        body.put("plannedDuration", "OVER_2");
        body.put("outOfHoursCover", true);
        body.put("contractManager", "Contracts manager");
        body.put("frontLineHours", 120);
        body.put("managementHours", 15);
        body.put("otherHours", 5);
        return body;
    }

    private ResponseEntity<Map> post(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, user).postForEntity("/api/services/{code}/workbooks", body, Map.class,
                "S" + code);
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody().get("message").toString()).contains(message);
    }
}
