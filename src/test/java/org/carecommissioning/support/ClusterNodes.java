package org.carecommissioning.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.carecommissioning.CareCommissioningApplication;
import org.carecommissioning.shared.CareZone;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes of a cluster in one test: whole applications on the postgres profile (plus any other), each on a port of its
 * own, sharing one database of the embedded PostgreSQL server, with the job executor off.
 */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /** A new, empty database on the embedded server. */
    public static void createDatabase(String name) throws SQLException {
        try (Connection connection = EmbeddedDatabase.server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /** A node on the postgres profile and the given others, to be run with {@link #arguments}. */
    public static SpringApplicationBuilder node(String... moreProfiles) {
        List<String> profiles = new ArrayList<>(List.of("postgres"));
        profiles.addAll(List.of(moreProfiles));
        return new SpringApplicationBuilder(CareCommissioningApplication.class)
                .listeners(new CareZone())
                .profiles(profiles.toArray(String[]::new));
    }

    /**
     * The node's settings, as command-line arguments: they outrank application.yaml (the builder's own properties do
     * not).
     */
    public static String[] arguments(String database, int number, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--DB_HOST=localhost",
                "--DB_PORT=" + EmbeddedDatabase.server().getPort(),
                "--DB_NAME=" + database,
                "--DB_USER=postgres",
                "--DB_PASSWORD=postgres",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.application.name=node-" + number));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** A client of the node's web server. */
    public static TestRestTemplate server(ConfigurableApplicationContext node) {
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
