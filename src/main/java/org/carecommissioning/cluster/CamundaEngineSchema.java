package org.carecommissioning.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * The process engine's tables on PostgreSQL, created once for the whole cluster by Flyway (whose lock lets one node
 * migrate while the others wait) from Camunda's own scripts, before any engine starts ({@link EngineAfterFlyway}):
 * the engine's {@code schema-update} is off on the postgres profile, because two nodes creating the tables at once
 * collided (ENGINE-03017, duplicate key on act_ge_property). The scripts and their order are those of Camunda's
 * {@code dbSchemaCreate} with full history, identity, CMMN and DMN: engine, history, identity, case engine, case
 * history, decision engine, decision history. The engine itself records the history level when it first starts.
 * <p>
 * A database whose engine tables exist already (created by {@code schema-update} before this migration) is left as
 * it is; on H2 (demo and tests, one node) the engine still creates its own tables.
 */
@Component
class CamundaEngineSchema implements JavaMigration {

    static final String VERSION = "20";
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");
    private static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.postgres.create.";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "camunda engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) || engineTablesPresent(connection)) {
            return;
        }
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection,
                    new EncodedResource(new ClassPathResource(SCRIPTS + component + ".sql"), StandardCharsets.UTF_8));
        }
    }

    private static boolean engineTablesPresent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select to_regclass('act_ge_property') is not null")) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
