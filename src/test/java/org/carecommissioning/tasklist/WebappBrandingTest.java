package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carecommissioning.support.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist items 2, 3 and 5 as the browser loads them: each webapp's config.js and user-styles.css are ours (the
 * starter serves the application's copies before the webjar's), brand the app and hide the vendor banner.
 */
@ApplicationTest
class WebappBrandingTest {

    private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Tasklist 3: every webapp is branded Care Commissioning in its config.js")
    void branded() {
        for (String app : APPS) {
            String config = get("/camunda/app/" + app + "/scripts/config.js");
            assertThat(config).as(app).contains("vendor: 'Care Commissioning'", "disableWelcomeMessage: true");
        }
        assertThat(get("/camunda/app/tasklist/scripts/config.js")).contains("name: 'Tasklist'",
                "customScripts: ['scripts/care-commissioning']", "startProcess:");
    }

    @Test
    @DisplayName("Tasklist 3: every webapp's stylesheet hides the vendor's CE end-of-life banner, login page included")
    void bannerHidden() {
        // the banner as Camunda 7.24 renders it in the header widget of every page: if a release renames it, this fails
        for (String app : APPS) {
            String bootstrap = get("/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js");
            assertThat(bootstrap).as(app + " banner markup").contains("class=\"ce-eol-banner\"");
            String styles = get("/camunda/app/" + app + "/styles/user-styles.css");
            assertThat(styles.replaceAll("\\s+", " ")).as(app)
                    .contains("[cam-widget-header] .ce-eol-banner, .ce-eol-banner { display: none !important; }")
                    .contains("content: \"Care Commissioning\"");
        }
        String page = get("/camunda/app/tasklist/default/");
        assertThat(page).as("the page links the stylesheet").contains("/app/tasklist/styles/user-styles.css");
    }

    @Test
    @DisplayName("Tasklist 2: task cards lose the priority badge and the header its Create task link")
    void clutterHidden() {
        String bootstrap = get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js");
        assertThat(bootstrap).as("the card's priority badge").contains("<div class=\"priority\"");
        String styles = get("/camunda/app/tasklist/styles/user-styles.css").replaceAll("\\s+", " ");
        assertThat(styles).contains(".tasks-list .task .priority { display: none; }")
                .contains(".create-task-action, [cam-widget-header] li.create-task-action { display: none !important; }");
    }

    @Test
    @DisplayName("Tasklist 5: the script that says what happened after a start or a completed task is served")
    void outcomeScript() {
        String script = get("/camunda/app/tasklist/scripts/care-commissioning.js");
        assertThat(script).contains("export default []", "businessKey", "caseReference");
    }

    private String get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
