package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carecommissioning.support.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Our copy of Tasklist's English translations replaces the whole bundled file, so it must stay that file with
 * one sentence changed: a Camunda upgrade that adds or changes a key fails here until the copy is taken again.
 */
@ApplicationTest
@DisplayName("Tasklist 3: Tasklist's own wording when a form is refused")
class TasklistLocaleTest {

    private static final String PATH = "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Tasklist 3: our en.json is the bundled one with only the refusal prefix changed")
    void onlyTheRefusalPrefixDiffers() throws IOException {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(PATH));
        assertThat(copies).as("ours first, then the webjar's").hasSize(2);
        assertThat(copies.get(0).toString()).doesNotContain("camunda-webapp-webjar");
        assertThat(copies.get(1).toString()).contains("camunda-webapp-webjar");

        Map<String, String> ours = flatten(read(copies.get(0)));
        Map<String, String> bundled = flatten(read(copies.get(1)));
        assertThat(ours.keySet()).isEqualTo(bundled.keySet());
        Map<String, String> changed = new HashMap<>();
        ours.forEach((key, value) -> {
            if (!value.equals(bundled.get(key))) {
                changed.put(key, value);
            }
        });
        assertThat(changed).containsOnlyKeys("labels.COMPLETE_ERROR");
        assertThat(changed.get("labels.COMPLETE_ERROR")).isEqualTo("This could not be saved");
        assertThat(bundled.get("labels.COMPLETE_ERROR")).isEqualTo("An error happened while submitting the task form");
    }

    @Test
    @DisplayName("Tasklist 3: Tasklist is served our wording")
    void served() throws IOException {
        ResponseEntity<String> answer = rest.getForEntity("/camunda/app/tasklist/locales/en.json", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode labels = JSON.readTree(stripBom(answer.getBody())).path("labels");
        assertThat(labels.path("COMPLETE_ERROR").asText()).isEqualTo("This could not be saved");
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(stripBom(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** Camunda's file starts with a byte-order mark; the copy keeps it byte for byte. */
    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                flatten(prefix.isEmpty() ? name : prefix + "." + name, node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
