package benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmark's PostgreSQL server (the embedded binaries the integration tests use), with
 * {@code pg_stat_statements} loaded when the binaries carry it, so the statements each database ran can be counted.
 */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final String statementsUnavailable;

    private Database(EmbeddedPostgres server, String statementsUnavailable) {
        this.server = server;
        this.statementsUnavailable = statementsUnavailable;
    }

    static Database start() throws IOException {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.max", "10000").setServerConfig("max_connections", "200").start();
        } catch (IOException | RuntimeException e) {
            return new Database(EmbeddedPostgres.builder().start(),
                    "the server did not start with pg_stat_statements preloaded: " + e.getMessage());
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            return new Database(server, null);
        } catch (SQLException e) {
            return new Database(server, "CREATE EXTENSION pg_stat_statements failed: " + e.getMessage());
        }
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    void create(String database) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** Why statements cannot be counted, or null when they can. */
    String statementsUnavailable() {
        return statementsUnavailable;
    }

    /**
     * Calls so far per statement text (pg_stat_statements' normalised query) in that database; only when statements
     * can be counted. Subtracting two snapshots shows which statements a measured window ran.
     */
    Map<String, StatementStats> statementCallsByText(String database) throws SQLException {
        Map<String, StatementStats> calls = new HashMap<>();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT s.query, sum(s.calls), "
                        + "sum(s.total_exec_time) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                        + "WHERE d.datname = ? GROUP BY s.query")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    calls.put(result.getString(1), new StatementStats(result.getLong(2), result.getDouble(3)));
                }
            }
        }
        return calls;
    }

    /** A single value the query gives in that database. */
    long queryLong(String database, String sql) throws SQLException {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Milliseconds from each job's creation (or due date, when later) to its successful end, for the jobs created
     * since {@code since}, from the engine's job log (ACT_HI_JOB_LOG: state 0 created, 2 successful).
     */
    List<Double> jobLagMillis(String database, Timestamp since) throws SQLException {
        String sql = "SELECT extract(epoch FROM (s.timestamp_ - greatest(c.timestamp_, coalesce(c.job_duedate_, "
                + "c.timestamp_)))) * 1000 FROM act_hi_job_log c JOIN act_hi_job_log s ON s.job_id_ = c.job_id_ "
                + "AND s.job_state_ = 2 WHERE c.job_state_ = 0 AND c.timestamp_ >= ?";
        List<Double> lags = new ArrayList<>();
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, since);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    lags.add(result.getDouble(1));
                }
            }
        }
        return lags;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
