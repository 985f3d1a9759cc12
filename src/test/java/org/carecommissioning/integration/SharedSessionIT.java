package org.carecommissioning.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.carecommissioning.support.ClusterNodes;
import org.carecommissioning.support.WebappSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Issue 13 item 2: web sessions are shared by the nodes of a cluster. Logged in to Tasklist on node 1, the same
 * browser (session cookie and XSRF token) calls the webapps' engine API on node 2, a change (POST) included, without
 * logging in again: no load-balancer affinity is needed. Before, node 2 knew neither the session nor its token.
 */
class SharedSessionIT {

    private static final String DATABASE = "shared_sessions";
    private static final String PASSWORD = "test-admin-secret";

    @Test
    @DisplayName("a Tasklist log-in on node 1 is valid on node 2, XSRF token included")
    void loginOnOneNodeWorksOnTheOther() throws Exception {
        ClusterNodes.createDatabase(DATABASE);
        try (ConfigurableApplicationContext node1 = node(1); ConfigurableApplicationContext node2 = node(2)) {
            WebappSession browser = WebappSession.login(ClusterNodes.server(node1), "admin", PASSWORD);
            assertThat(browser.get("/camunda/api/engine/engine/default/task/count").getStatusCode())
                    .isEqualTo(HttpStatus.OK);

            WebappSession sameBrowserOnNode2 = browser.on(ClusterNodes.server(node2));
            assertThat(sameBrowserOnNode2.get("/camunda/api/admin/auth/user/default").getBody())
                    .as("node 2 knows who is logged in").contains("\"userId\":\"admin\"");
            assertThat(sameBrowserOnNode2.post("/camunda/api/engine/engine/default/task/count", "{}").getStatusCode())
                    .as("a POST with the XSRF token node 1 issued").isEqualTo(HttpStatus.OK);
        }
    }

    private static ConfigurableApplicationContext node(int number) {
        return ClusterNodes.node().run(ClusterNodes.arguments(DATABASE, number, "--ADMIN_PASSWORD=" + PASSWORD));
    }
}
