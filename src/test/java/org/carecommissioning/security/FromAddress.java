package org.carecommissioning.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP requests to the test server from another loopback address (127.0.0.2, 127.0.0.3, ...), so the server sees
 * a different client, as it would a stranger on another network. Plain sockets: the JDK's HTTP clients cannot
 * choose the local address, and no proxy header is trusted.
 */
final class FromAddress {

    record Reply(int status, Map<String, String> headers, List<String> cookies, String body) {
    }

    private final String address;
    private final int port;

    FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    Reply get(String path, String user, String password) {
        return send("GET", path, user, password, null, null);
    }

    Reply post(String path, String user, String password, String contentType, String body) {
        return send("POST", path, user, password, contentType, body);
    }

    /**
     * The webapps' log-in form, as the browser sends it: first a GET for the session and its CSRF token (Camunda's
     * CSRF filter refuses a log-in without them), then the POST with both.
     */
    Reply webappLogin(String user, String password) {
        Reply fetch = send("GET", "/camunda/api/admin/auth/user/default", null, null, null, null, Map.of());
        String token = fetch.headers().get("x-xsrf-token");
        StringBuilder cookies = new StringBuilder();
        for (String cookie : fetch.cookies()) {
            cookies.append(cookies.length() == 0 ? "" : "; ").append(cookie.split(";", 2)[0]);
        }
        return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null, null,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + password,
                Map.of("Cookie", cookies.toString(), "X-XSRF-TOKEN", token == null ? "" : token));
    }

    Reply send(String method, String path, String user, String password, String contentType, String body) {
        return send(method, path, user, password, contentType, body, Map.of());
    }

    private Reply send(String method, String path, String user, String password, String contentType, String body,
            Map<String, String> extraHeaders) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (user != null) {
            request.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || "POST".equals(method)) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, headerEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> cookies = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase();
                String value = lines[i].substring(colon + 1).trim();
                headers.put(name, value);
                if (name.equals("set-cookie")) {
                    cookies.add(value);
                }
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, cookies,
                    response.substring(headerEnd + 4));
        } catch (IOException e) {
            throw new AssertionError("No answer from the test server to " + method + " " + path + " from " + address, e);
        }
    }
}
