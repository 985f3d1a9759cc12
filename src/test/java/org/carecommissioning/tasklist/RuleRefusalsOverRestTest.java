package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
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
 * Business-rule refusals of the contract-management and PI-return start forms, as Tasklist and other REST clients
 * meet them: a 400 whose message is the caseworker's sentence first and the rule ID after it, no engine wording,
 * and no instance started. (The referral's refusals are covered by ReferralRestRefusalTest.)
 */
@ApplicationTest
class RuleRefusalsOverRestTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    RuntimeService runtimeService;

    String code;
    String officer;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("RF");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code.toLowerCase() + "@p.example"));
        officer = "po-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.asSystem(() -> services.register("S" + code, "Service " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 6, 1)));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Tasklist 3: C2 a meeting less than 4 weeks ahead is a 400 with the sentence first, over the engine REST API and Tasklist's own API")
    void meetingTooSoon() {
        String body = "{\"variables\":{\"serviceCode\":{\"value\":\"S" + code + "\"},"
                + "\"meetingDate\":{\"value\":\"2026-12-19\"}}}";

        ResponseEntity<String> engineRest = rest.withBasicAuth(officer, officer).postForEntity(
                "/engine-rest/process-definition/key/contract-management-meeting/submit-form", json(body), String.class);
        ResponseEntity<String> tasklist = WebappSession.login(rest, officer, officer).post(
                "/camunda/api/engine/engine/default/process-definition/key/contract-management-meeting/submit-form", body);

        for (ResponseEntity<String> response : java.util.List.of(engineRest, tasklist)) {
            assertCaseworkerRefusal(response, "C2");
            assertThat(response.getBody()).contains("choose a date on or after");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("contract-management-meeting")
                .processInstanceBusinessKeyLike("CMM-S" + code + "%").count()).isZero();
    }

    @Test
    @DisplayName("Tasklist 3: PI2 a PI return for a quarter that does not exist, or a service that does not, is a 400 with the sentence first")
    void piReturnRequestRefused() {
        // the service lookup is the contract register's (C1, C2) rule; the quarter is PI2's
        java.util.Map<String, String> refusals = java.util.Map.of(
                "\"serviceCode\":{\"value\":\"S" + code + "\"},\"quarter\":{\"value\":5}", "PI2",
                "\"serviceCode\":{\"value\":\"NOPE" + code + "\"},\"quarter\":{\"value\":3}", "C2");
        refusals.forEach((variables, rule) -> {
            String body = "{\"variables\":{" + variables + ",\"reportingYear\":{\"value\":\"2026/27\"},"
                    + "\"deadline\":{\"value\":\"2027-01-28\"}}}";
            ResponseEntity<String> response = rest.withBasicAuth(officer, officer).postForEntity(
                    "/engine-rest/process-definition/key/pi-return/submit-form", json(body), String.class);
            assertCaseworkerRefusal(response, rule);
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("pi-return")
                .processInstanceBusinessKeyLike("PI-S" + code + "%").count()).isZero();
    }

    private static void assertCaseworkerRefusal(ResponseEntity<String> response, String rule) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"type\":\"BusinessRuleViolation\"")
                .contains("\"message\":\"").contains("(" + rule + ")\"")
                .doesNotContain("\"message\":\"" + rule + ":").doesNotContain("Cannot ")
                .doesNotContain("Exception").doesNotContainIgnoringCase("sql");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
