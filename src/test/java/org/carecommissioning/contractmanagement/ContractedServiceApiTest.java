package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** C1: the commissioning team registers the services it monitors over the authenticated API. */
@ApplicationTest
class ContractedServiceApiTest {

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
    String providerUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("RS");
        var provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        officer = "po-" + code.toLowerCase();
        providerUser = "pr-user-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C1 a purchasing officer registers a service with its priority level; the wait to plan its first meeting starts")
    void registerService() {
        ResponseEntity<Map> created = post(officer, request("2027-05-03"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("serviceCode", "S" + code).containsEntry("priorityLevel", "AMBER")
                .containsEntry("nextMeetingDue", "2027-05-03")
                .containsEntry("nextMeetingPlanning", "PLAN-S" + code + "-20270503");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("cmm-next-meeting")
                .processInstanceBusinessKey("PLAN-S" + code + "-20270503").count()).isEqualTo(1);
        ResponseEntity<List> all = rest.withBasicAuth(officer, officer).getForEntity("/api/services", List.class);
        assertThat(all.getBody()).anyMatch(s -> ("S" + code).equals(((Map<?, ?>) s).get("serviceCode")));
    }

    @Test
    @DisplayName("C1 bad input: a duplicate code, an unknown provider, a user who is no purchasing officer, a past due date, a missing field, a provider registering; nothing is written")
    void badInput() {
        assertThat(post(officer, request("2027-05-03")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertRefused(post(officer, request("2027-05-03")), HttpStatus.BAD_REQUEST, "already registered");

        Map<String, Object> unknownProvider = request("2027-05-03");
        unknownProvider.put("serviceCode", "U" + code);
        unknownProvider.put("providerCode", "NOPE" + code);
        assertRefused(post(officer, unknownProvider), HttpStatus.BAD_REQUEST, "no provider with code NOPE" + code);

        Map<String, Object> notAnOfficer = request("2027-05-03");
        notAnOfficer.put("serviceCode", "U" + code);
        notAnOfficer.put("purchasingOfficer", providerUser);
        assertRefused(post(officer, notAnOfficer), HttpStatus.BAD_REQUEST, "is not a purchasing officer");

        Map<String, Object> past = request("2026-11-01");
        past.put("serviceCode", "U" + code);
        assertRefused(post(officer, past), HttpStatus.BAD_REQUEST, "cannot be due in the past");

        Map<String, Object> noName = request("2027-05-03");
        noName.put("serviceCode", "U" + code);
        noName.remove("name");
        assertRefused(post(officer, noName), HttpStatus.BAD_REQUEST, "Give the service's name.");

        Map<String, Object> byProvider = request("2027-05-03");
        byProvider.put("serviceCode", "U" + code);
        assertRefused(post(providerUser, byProvider), HttpStatus.FORBIDDEN, "Only purchasing officers");
        assertThat(services.all()).noneMatch(s -> s.getServiceCode().equals("U" + code));
        assertThat(rest.withBasicAuth(providerUser, providerUser).getForEntity("/api/services", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private Map<String, Object> request(String nextMeetingDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceCode", "S" + code);
        body.put("name", "Floating support " + code);
        body.put("providerCode", code);
        body.put("primaryClientGroup", "Older people");
        body.put("serviceType", "Floating support");
        body.put("priorityLevel", "amber");
        body.put("purchasingOfficer", officer);
        body.put("nextMeetingDue", nextMeetingDue);
        return body;
    }

    private ResponseEntity<Map> post(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, user).postForEntity("/api/services", body, Map.class);
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody().get("message").toString()).contains(message);
    }
}
