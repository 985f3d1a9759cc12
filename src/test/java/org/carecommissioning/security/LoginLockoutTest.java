package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hole 3 of "Safe to put in front of provider staff": nobody can lock an account (the administrator's least of
 * all) by guessing its password; guessing is throttled per client address; an administrator can unlock.
 * The test server sees TestRestTemplate as 127.0.0.1 and {@link FromAddress} as other loopback addresses.
 */
@ApplicationTest
class LoginLockoutTest {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    LoginThrottle throttle;
    @LocalServerPort
    int port;

    String admin;
    String officer;

    @BeforeEach
    void users() {
        // throwaway accounts (password = user id): the shared application's own administrator is left alone
        admin = Scenario.uniqueCode("lock-admin-");
        officer = Scenario.uniqueCode("lock-officer-");
        scenario.user(admin, Roles.ADMIN);
        scenario.user(officer, Roles.PURCHASING_OFFICER);
    }

    @AfterEach
    void reset() {
        // the throttle is the shared application's: leave no address blocked for the test classes after this one
        throttle.reset();
        ClockUtil.reset();
        scenario.asSystem(() -> {
            identityService.unlockUser(admin);
            identityService.unlockUser(officer);
            return null;
        });
    }

    @Test
    @DisplayName("Hole 3: fifteen wrong administrator passwords from strangers' addresses, each after the last lock expired, neither lock the administrator out for good nor for a moment")
    void strangersCannotLockOutTheAdministrator() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 22, 9, 0);
        Scenario.now(now);
        assertThat(from(2).get("/engine-rest/task", admin, "guess-0").status()).isEqualTo(401);
        // no per-account delay a stranger could renew forever with one guess per delay
        assertThat(okAsAdmin()).as("the administrator right after a stranger's wrong guess").isEqualTo(HttpStatus.OK);

        for (int guess = 1; guess < 15; guess++) {
            now = now.plusMinutes(2); // past any delay Camunda would have imposed (60 s at most by default)
            Scenario.now(now);
            assertThat(from(2 + guess).get("/engine-rest/task", admin, "guess-" + guess).status()).isEqualTo(401);
        }
        assertThat(from(20).webappLogin(admin, "guess-15").status()).isEqualTo(401);

        assertThat(okAsAdmin()).as("the administrator, from their own address").isEqualTo(HttpStatus.OK);
        assertThat(scenario.asSystem(() -> identityService.checkPassword(admin, admin))).isTrue();
    }

    @Test
    @DisplayName("Hole 3: five wrong passwords from one address make it wait (429, Retry-After), even with the right password and on every log-in route, while another address is not held up")
    void guessingFromOneAddressIsThrottled() {
        for (int guess = 0; guess < 5; guess++) {
            assertThat(rest.withBasicAuth(officer, "guess-" + guess).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<String> blocked = rest.withBasicAuth(officer, officer).getForEntity("/engine-rest/task",
                String.class);
        assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(blocked.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(blocked.getBody()).contains("Too many failed log-ins from your network address. Try again in");
        assertThat(rest.withBasicAuth(officer, officer).getForEntity("/api/services", String.class).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(rest.postForEntity(WEBAPP_LOGIN, loginForm(officer, officer), String.class).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // requests without a password are not held up (they get the usual 401)
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        FromAddress elsewhere = from(2);
        assertThat(elsewhere.get("/engine-rest/task", officer, officer).status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/services", officer, officer).status()).isEqualTo(200);
        assertThat(elsewhere.webappLogin(officer, officer).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Hole 3: only password checks count: requests without credentials never block; a typo followed by the right password is forgotten, but an insider's own log-in does not clear their guesses at another account")
    void onlyPasswordChecksCount() {
        FromAddress client = from(3);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get("/engine-rest/task", null, null).status()).isEqualTo(401);
        }
        for (int round = 0; round < 3; round++) {
            for (int typo = 0; typo < 4; typo++) {
                assertThat(client.get("/api/services", officer, "typo").status()).isEqualTo(401);
            }
            assertThat(client.get("/api/services", officer, officer).status()).as("round " + round).isEqualTo(200);
        }

        FromAddress insider = from(4);
        for (int guess = 0; guess < 4; guess++) {
            assertThat(insider.get("/engine-rest/task", admin, "guess-" + guess).status()).isEqualTo(401);
        }
        assertThat(insider.get("/engine-rest/task", officer, officer).status()).isEqualTo(200);
        assertThat(insider.webappLogin(admin, "guess-4").status()).isEqualTo(401);
        assertThat(insider.get("/engine-rest/task", officer, officer).status()).isEqualTo(429);
    }

    @Test
    @DisplayName("Hole 3: an administrator unlocks an account (POST /api/users/{id}/unlock) and the addresses held up by it may log in again; anyone else gets 403, an unknown user 404")
    void administratorUnlocks() {
        for (int guess = 0; guess < 5; guess++) {
            rest.withBasicAuth(officer, "guess-" + guess).getForEntity("/engine-rest/task", String.class);
        }
        assertThat(rest.withBasicAuth(officer, officer).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        String colleague = Scenario.uniqueCode("lock-colleague-");
        scenario.user(colleague, Roles.PURCHASING_OFFICER);
        FromAddress.Reply refused = from(2).post("/api/users/" + officer + "/unlock", colleague, colleague,
                MediaType.APPLICATION_JSON_VALUE, "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Only an administrator can unlock an account.");
        assertThat(from(2).post("/api/users/nobody-" + officer + "/unlock", admin, admin,
                MediaType.APPLICATION_JSON_VALUE, "{}").status()).isEqualTo(404);

        FromAddress.Reply unlocked = from(2).post("/api/users/" + officer + "/unlock", admin, admin,
                MediaType.APPLICATION_JSON_VALUE, "{}");
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body()).contains("can log in again");
        assertThat(rest.withBasicAuth(officer, officer).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus okAsAdmin() {
        return HttpStatus.valueOf(rest.withBasicAuth(admin, admin).getForEntity("/engine-rest/task", String.class)
                .getStatusCode().value());
    }

    private FromAddress from(int lastOctet) {
        return new FromAddress("127.0.0." + lastOctet, port);
    }

    private static HttpEntity<String> loginForm(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>("username=" + user + "&password=" + password, headers);
    }
}
