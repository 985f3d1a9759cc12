package benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Camunda's engine REST API as one user (HTTP Basic), the way Tasklist and other clients call it. */
final class EngineClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String user;
    private final String authorization;

    EngineClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String user() {
        return user;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    JsonNode post(String path, Object body) {
        return post(path, body, "application/json");
    }

    /** A POST whose answer is asked for in that media type: Tasklist asks for {@code application/hal+json}. */
    JsonNode post(String path, Object body, String accept) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                    .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST with a text body, as a file upload of that content type. */
    JsonNode postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode put(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** The status of a GET, or -1 when nothing answers. */
    int status(String path) {
        try {
            return HTTP.send(request(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                    .GET()),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Engine REST variables with their types, from alternating names and values. */
    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            variables.put((String) namesAndValues[i], Map.of("value", value, "type", value.getClass().getSimpleName()));
        }
        return Map.of("variables", variables);
    }

    private HttpRequest request(HttpRequest.Builder builder) {
        return builder.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build();
    }

    private JsonNode send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(request(builder), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.request().method() + " "
                        + response.request().uri().getPath() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
