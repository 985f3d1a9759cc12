package benchmark;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * What an engine did from the moment this was opened: the SQL statements its database ran (a pg_stat_statements
 * snapshot subtracted) and the CPU its JVM used. Every measured window of the benchmark takes its figures from one.
 */
final class MeasuredWindow {

    private final JvmProcess jvm;
    private final Database database;
    private final String databaseName;
    private final Map<String, StatementStats> statementsBefore;
    private final double cpuMillisBefore;

    private MeasuredWindow(JvmProcess jvm, Database database, String databaseName) throws IOException, SQLException {
        this.jvm = jvm;
        this.database = database;
        this.databaseName = databaseName;
        this.statementsBefore = counting() ? database.statementCallsByText(databaseName) : null;
        this.cpuMillisBefore = jvm == null ? 0 : jvm.cpuMillis();
    }

    /** From now on; {@code jvm} null when only statements are wanted. */
    static MeasuredWindow open(JvmProcess jvm, Database database, String databaseName) throws IOException, SQLException {
        return new MeasuredWindow(jvm, database, databaseName);
    }

    boolean counting() {
        return database.statementsUnavailable() == null;
    }

    /** The statements run since it opened, or null when the server cannot count them. */
    StatementBreakdown statements() throws SQLException {
        return counting() ? StatementBreakdown.between(statementsBefore, database.statementCallsByText(databaseName))
                : null;
    }

    /** The JVM's CPU time (user + system) since it opened, in milliseconds. */
    double cpuMillis() throws IOException {
        return jvm.cpuMillis() - cpuMillisBefore;
    }
}
