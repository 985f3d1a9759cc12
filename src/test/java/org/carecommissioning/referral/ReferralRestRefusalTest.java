package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hole 5: business-rule refusals over the engine REST API (and the webapps' copy Tasklist uses) are a 400 with
 * the caseworker's sentence first and the rule after it, never a 500, never SQL or an exception, and nothing is
 * written.
 */
@ApplicationTest
class ReferralRestRefusalTest {

    private static final String R3_SENTENCE = "A treatment plan is a one-off treatment (1) or a series of 4, 5 or 6";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ReferralService referrals;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    World world;
    ProcessInstance referral;

    @BeforeEach
    void referAClient() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        world = scenario.world(LocalDate.of(2026, 7, 1));
        referral = scenario.refer(world, "Rita Rest");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "treatments {0}")
    @ValueSource(strings = {"2", "-1", "null", "\"abc\"", "1000000000000", "3.5", "\"\""})
    @DisplayName("Hole 5: R3 completing the authorisation over /engine-rest with a count outside 1 or 4-6 is a 400 with R3's sentence; nothing is written")
    void treatmentCountRefused(String treatments) {
        ResponseEntity<String> response = completeAuthorisation(treatments, "5");
        assertRefusedWith(response, "(R3)", R3_SENTENCE);
        assertNothingAuthorised();
    }

    @ParameterizedTest(name = "contribution {0}")
    @ValueSource(strings = {"2500", "-5", "1e308", "20.001", "\"NaN\"", "\"1e400\""})
    @DisplayName("Hole 5: R9 a contribution outside £0-£20 (or no amount at all) is a 400 naming the contribution; nothing is written")
    void contributionRefused(String pounds) {
        ResponseEntity<String> response = completeAuthorisation("4", pounds);
        assertRefusedWith(response, "(R9)", "contribution");
        assertNothingAuthorised();
    }

    @Test
    @DisplayName("Hole 5: R2 declining with a reason longer than its column is a 400 naming the limit; nothing is written")
    void declineReasonTooLong() {
        String body = "{\"variables\":{\"eligibilityConfirmed\":{\"value\":false},\"declineReason\":{\"value\":\""
                + "x".repeat(2001) + "\"}}}";
        ResponseEntity<String> response = as(world.commissioner()).postForEntity("/engine-rest/task/{id}/complete",
                json(body), String.class, taskId());
        assertRefusedWith(response, "(R2)", "2000 characters");
        assertNothingAuthorised();
    }

    @Test
    @DisplayName("Hole 5: R3 submitting the authorisation form through the webapps' API (Tasklist's way) is refused the same way")
    void webappSubmitFormRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = xsrfToken(client);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(world.commissioner()) + "&password="
                        + enc(world.commissioner())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        token = xsrfToken(client);
        HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(
                        url("/camunda/api/engine/engine/default/task/" + taskId() + "/submit-form"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(authorisation("2", "5")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.body()).contains("BusinessRuleViolation").contains(R3_SENTENCE).contains("(R3)")
                .doesNotContain("Cannot submit task form").doesNotContain("Exception");
        assertNothingAuthorised();
    }

    @Test
    @DisplayName("Hole 5: R2 starting a referral over /engine-rest (start and submit-form) with a blank name is a 400; no referral is written")
    void blankNameRefused() {
        int before = referralRows();
        String body = "{\"variables\":{\"serviceUserName\":{\"value\":\"   \"},\"membershipNumber\":{\"value\":\"M-blank\"}}}";
        for (String path : new String[] {"/engine-rest/process-definition/key/referral/start",
                "/engine-rest/process-definition/key/referral/submit-form"}) {
            ResponseEntity<String> response = as(world.commissioner()).postForEntity(path, json(body), String.class);
            assertRefusedWith(response, "(R2)", "name is required");
        }
        assertThat(referralRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({"referralReason, 3000, 2000", "serviceUserName, 201, 200", "serviceUserPhone, 51, 50",
            "serviceUserEmail, 201, 200", "membershipNumber, 51, 50", "referralReason, 1000000, 2000"})
    @DisplayName("Hole 5: R2 a referral field longer than its column is a 400 naming the field's limit, without SQL; nothing is written")
    void overLongReferralFieldRefused(String field, int length, int limit) {
        int before = referralRows();
        int people = jdbc.queryForObject("select count(*) from service_user", Integer.class);
        String body = "{\"variables\":{\"serviceUserName\":{\"value\":\"Olive Overflow\"},"
                + "\"membershipNumber\":{\"value\":\"M-over\"},\"" + field + "\":{\"value\":\"" + "9".repeat(length)
                + "\"}}}";
        ResponseEntity<String> response = as(world.commissioner())
                .postForEntity("/engine-rest/process-definition/key/referral/start", json(body), String.class);
        assertRefusedWith(response, "(R2)", limit + " characters");
        assertThat(referralRows()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from service_user", Integer.class)).isEqualTo(people);
    }

    private ResponseEntity<String> completeAuthorisation(String treatments, String pounds) {
        return as(world.commissioner()).postForEntity("/engine-rest/task/{id}/complete",
                json(authorisation(treatments, pounds)), String.class, taskId());
    }

    private static String authorisation(String treatments, String pounds) {
        return "{\"variables\":{\"eligibilityConfirmed\":{\"value\":true},\"treatmentsAuthorised\":{\"value\":"
                + treatments + "},\"clientContributionPounds\":{\"value\":" + pounds + "}}}";
    }

    static void assertRefusedWith(ResponseEntity<String> response, String rule, String words) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains(rule).contains(words).contains("\"type\":\"BusinessRuleViolation\"")
                .doesNotContainIgnoringCase("insert into").doesNotContain("SQL").doesNotContain("Exception")
                .doesNotContain("Cannot complete task").doesNotContain("Cannot instantiate");
        assertThat(response.getBody()).as("the sentence comes first, the rule after it")
                .doesNotContain("\"message\":\"" + rule.substring(1, rule.length() - 1) + ":");
    }

    private void assertNothingAuthorised() {
        Long referralId = (Long) runtimeService.getVariable(referral.getId(), "referralId");
        assertThat(referrals.get(referralId).getStatus()).isEqualTo(ReferralStatus.REFERRED);
        assertThat(referrals.get(referralId).getTreatmentsAuthorised()).isNull();
        assertThat(referrals.get(referralId).getClientContributionPence()).isNull();
        assertThat(scenario.task(referral, "Task_ConfirmEligibility")).as("the task is still open").isNotNull();
    }

    private String taskId() {
        return scenario.task(referral, "Task_ConfirmEligibility").getId();
    }

    private int referralRows() {
        return jdbc.queryForObject("select count(*) from referral", Integer.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }

    private String xsrfToken(HttpClient client) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
