package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Hole 5: bad input to /api is a 400 naming the field and its limit, never SQL or an exception; nothing is written. */
@ApplicationTest
class ApiBadInputTest {

    private static final String HEADER = "dcc_code,units,units_change_explanation,KPI1,SPI1,SPI2,SPI3,SPI4,local_pis,comments";

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

    String code;
    String officer;
    String providerUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        code = Scenario.uniqueCode("AB");
        var provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        officer = "ab-po-" + code;
        providerUser = "ab-prov-" + code;
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing", PriorityLevel.AMBER,
                officer, LocalDate.of(2027, 6, 1));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Hole 5: C1 an over-long service code or an impossible due date is a 400 naming the field; no service is registered")
    void contractedServiceRefused() {
        Map<String, Object> longCode = service("X".repeat(21), "2027-09-01");
        assertRefused(post("/api/services", longCode), "service code is at most 20 characters");
        Map<String, Object> farFuture = service("F" + code, "+999999999-12-31");
        assertRefused(post("/api/services", farFuture), "2199-12-31");
        Map<String, Object> farPast = service("P" + code, "-999999999-01-01");
        assertRefused(post("/api/services", farPast), "1900-01-01");
        Map<String, Object> longName = service("N" + code, "2027-09-01");
        longName.put("name", "n".repeat(1_000_000));
        assertRefused(post("/api/services", longName), "name is at most 200 characters");
        assertThat(services.all()).extracting(s -> s.getServiceCode())
                .doesNotContain("F" + code, "P" + code, "N" + code).noneMatch(c -> c.startsWith("XXXX"));
    }

    @Test
    @DisplayName("Hole 5: PI1 staffing hours like 1e400 or a 1 MB authority are a 400 naming the limit; no workbook is issued")
    void workbookRefused() {
        Map<String, Object> hugeHours = page();
        hugeHours.put("frontLineHours", new BigDecimal("1e400"));
        assertRefused(post("/api/services/S" + code + "/workbooks", hugeHours), "at most 99999.99");
        Map<String, Object> longAuthority = page();
        longAuthority.put("administeringAuthority", "a".repeat(1_000_000));
        assertRefused(post("/api/services/S" + code + "/workbooks", longAuthority), "limit is 100 characters");
        assertThat(workbooks.current(services.byCode("S" + code).getId(), "2026/27")).isEmpty();
    }

    @Test
    @DisplayName("Hole 5: PI2 PI4 PI7 a CSV cell longer than its column, or an impossible deadline, is a 400 naming it; the return stays awaited")
    void returnRefused() {
        workbooks.issue("S" + code, "2026/27", new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2",
                true, "A. Manager", new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5")), null, null, officer);
        ProcessInstance pi = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return", Map.of(
                "serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28")));
        scenario.executeDueJobs(pi.getId());

        String longLocalPis = HEADER + "\nDCC-2026,20,,93,96,93,95,90," + "p".repeat(4001) + ",";
        assertRefused(upload(pi, longLocalPis), "local_pis");
        assertRefused(upload(pi, longLocalPis), "limit is 4000 characters");
        String longCode = HEADER + "\n" + "D".repeat(21) + ",20,,93,96,93,95,90,All complete,";
        assertRefused(upload(pi, longCode), "dcc_code");
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.AWAITED);
        assertThat(scenario.task(pi, "Task_SubmitReturn")).as("the submission task is still open").isNotNull();

        ResponseEntity<String> extension = rest.withBasicAuth(officer, officer).postForEntity(
                "/api/pi-returns/{ref}/extension", json("{\"deadline\":\"+999999999-12-31\",\"reason\":\"Flood\"}"),
                String.class, pi.getBusinessKey());
        assertRefused(extension, "2199-12-31");
        assertThat(returns.get(pi.getBusinessKey()).getDeadline()).isEqualTo(LocalDate.of(2027, 1, 28));
    }

    private static void assertRefused(ResponseEntity<String> response, String words) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains(words).doesNotContainIgnoringCase("insert into")
                .doesNotContain("SQL").doesNotContain("Exception");
    }

    private ResponseEntity<String> post(String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(officer, officer).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(ProcessInstance pi, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return rest.withBasicAuth(providerUser, providerUser).postForEntity("/api/pi-returns/{ref}/workbook",
                new HttpEntity<>(csv, headers), String.class, pi.getBusinessKey());
    }

    private Map<String, Object> service(String serviceCode, String due) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceCode", serviceCode, "name", "Service", "providerCode",
                code, "primaryClientGroup", "Young people", "serviceType", "Supported housing", "priorityLevel", "GREEN",
                "purchasingOfficer", officer));
        body.put("nextMeetingDue", due);
        return body;
    }

    private static Map<String, Object> page() {
        Map<String, Object> body = new HashMap<>();
        body.put("year", "2026/27");
        body.put("dccCode", "DCC-2026");
        body.put("administeringAuthority", "Derbyshire County Council");
        body.put("units", 40);
        body.put("plannedDuration", "OVER_2");
        body.put("outOfHoursCover", true);
        body.put("contractManager", "A. Manager");
        body.put("frontLineHours", 80);
        body.put("managementHours", 10);
        body.put("otherHours", 2.5);
        return body;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
