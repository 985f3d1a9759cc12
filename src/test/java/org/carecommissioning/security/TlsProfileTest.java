package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Hole 6: behind a TLS-terminating proxy (the {@code tls} profile), HTTPS answers carry Strict-Transport-Security
 * and the session cookies are Secure. The proxy is played by the X-Forwarded-Proto header from loopback.
 */
@ExtendWith(TestSmtp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:care-tls;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "tls"})
class TlsProfileTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Hole 6: with the tls profile, HTTPS answers of the APIs and the webapps carry HSTS")
    void hstsOnHttps() {
        for (String path : List.of("/engine-rest/engine", "/camunda/app/tasklist/default/")) {
            ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(viaTls()), String.class);
            assertThat(response.getHeaders().getFirst("Strict-Transport-Security")).as(path).startsWith("max-age=31536000");
        }
        assertThat(rest.getForEntity("/engine-rest/engine", String.class).getHeaders()
                .getFirst("Strict-Transport-Security")).as("never over plain HTTP").isNull();
    }

    @Test
    @DisplayName("Hole 6: with the tls profile, the webapps' session and XSRF cookies are Secure")
    void secureCookies() {
        ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(viaTls()), String.class);
        HttpHeaders login = viaTls();
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        List<String> pageCookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        pageCookies.forEach(cookie -> login.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]));
        pageCookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .forEach(cookie -> login.add("X-XSRF-TOKEN", cookie.split(";", 2)[0].substring(11)));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "admin");
        form.add("password", "test-admin-secret");
        ResponseEntity<String> loggedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, login), String.class);

        List<String> cookies = new java.util.ArrayList<>(pageCookies);
        cookies.addAll(loggedIn.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        assertThat(cookies).as("cookies set").isNotEmpty();
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsPattern(";\\s*Secure"));
    }

    private static HttpHeaders viaTls() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-Proto", "https");
        headers.add("X-Forwarded-Port", "443");
        return headers;
    }
}
