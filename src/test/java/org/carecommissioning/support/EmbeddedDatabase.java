package org.carecommissioning.support;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (embedded binaries, no Docker) for all integration tests of a run, configured
 * through the same variables an operator sets for the postgres profile. Stopped by its own shutdown hook.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("DB_HOST", () -> "localhost");
        registry.add("DB_PORT", () -> server().getPort());
        registry.add("DB_NAME", () -> "postgres");
        registry.add("DB_USER", () -> "postgres");
        registry.add("DB_PASSWORD", () -> "postgres");
    }
}
