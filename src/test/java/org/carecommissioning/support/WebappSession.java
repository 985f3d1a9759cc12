package org.carecommissioning.support;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A user logged in to the Camunda webapps as a browser is: session cookie plus the XSRF token Tasklist sends
 * with every change, for calls to the webapps' copy of the engine REST API ({@code /camunda/api/engine/...}).
 */
public final class WebappSession {

    private final TestRestTemplate rest;
    private String cookies;
    private String xsrfToken;

    private WebappSession(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Logs in to Tasklist; fails the test if the login is refused. */
    public static WebappSession login(TestRestTemplate rest, String userId, String password) {
        WebappSession session = new WebappSession(rest);
        session.remember(rest.getForEntity("/camunda/app/tasklist/default/", String.class));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", password);
        HttpHeaders headers = session.headers(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError("login of " + userId + " refused: " + login.getStatusCode() + " " + login.getBody());
        }
        session.remember(login);
        // the login starts a new session; its XSRF token comes with the next page the browser loads
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    /** The same browser (session cookie and XSRF token) talking to another server: another node of a cluster. */
    public WebappSession on(TestRestTemplate server) {
        WebappSession same = new WebappSession(server);
        same.cookies = cookies;
        same.xsrfToken = xsrfToken;
        return same;
    }

    public ResponseEntity<String> post(String path, String json) {
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST,
                new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), String.class);
        remember(response);
        return response;
    }

    public ResponseEntity<String> get(String path) {
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), String.class);
        remember(response);
        return response;
    }

    private HttpHeaders headers(MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL));
        if (cookies != null) {
            headers.add(HttpHeaders.COOKIE, cookies);
        }
        if (xsrfToken != null) {
            headers.add("X-XSRF-TOKEN", xsrfToken);
        }
        return headers;
    }

    private void remember(ResponseEntity<?> response) {
        String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
        if (token != null) {
            xsrfToken = token;
        }
        List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (setCookies != null && !setCookies.isEmpty()) {
            java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
            if (cookies != null) {
                for (String pair : cookies.split("; ")) {
                    jar.put(pair.substring(0, pair.indexOf('=')), pair);
                }
            }
            for (String setCookie : setCookies) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                jar.put(name, pair);
                if (name.equals("XSRF-TOKEN")) {
                    xsrfToken = pair.substring(pair.indexOf('=') + 1);
                }
            }
            cookies = String.join("; ", jar.values());
        }
    }
}
