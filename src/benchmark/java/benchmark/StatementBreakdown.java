package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which SQL statements one measured window ran, per statement text (the difference of two pg_stat_statements
 * snapshots), so a ratio in the table can be traced to the statements behind it.
 */
final class StatementBreakdown {

    private final Map<String, StatementStats> calls;

    private StatementBreakdown(Map<String, StatementStats> calls) {
        this.calls = calls;
    }

    static StatementBreakdown between(Map<String, StatementStats> before, Map<String, StatementStats> after) {
        Map<String, StatementStats> calls = new HashMap<>();
        after.forEach((text, stats) -> {
            StatementStats delta = stats.minus(before.get(text));
            if (delta.calls() > 0) {
                calls.put(text, delta);
            }
        });
        return new StatementBreakdown(calls);
    }

    long total() {
        return calls.values().stream().mapToLong(StatementStats::calls).sum();
    }

    /** The database's execution time of all of them, in milliseconds (excluding parsing and the network). */
    double totalMillis() {
        return calls.values().stream().mapToDouble(StatementStats::totalMillis).sum();
    }

    /**
     * Statements on the application's own tables (referral, treatment_session, notification_outbox, …): neither an
     * engine statement (ACT_ tables) nor transaction control. They are the step's own work, which the bare engine
     * has no equivalent of.
     */
    long application() {
        return calls.entrySet().stream().filter(statement -> isApplication(statement.getKey()))
                .mapToLong(statement -> statement.getValue().calls()).sum();
    }

    private static boolean isApplication(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        boolean control = normalised.startsWith("BEGIN") || normalised.startsWith("COMMIT")
                || normalised.startsWith("ROLLBACK") || normalised.startsWith("SET ") || normalised.startsWith("SHOW ")
                || normalised.startsWith("SELECT $1") || normalised.startsWith("SELECT 1");
        return !control && !normalised.contains("ACT_");
    }

    /** Every statement of the window, most frequent first, with its calls per task completion. */
    void write(Path file, String title, int completions) throws IOException {
        StringBuilder out = new StringBuilder(title).append('\n').append(total()).append(" statements (")
                .append(application()).append(" on the application's own tables), ").append(completions)
                .append(" task completions\n\n");
        out.append("  per compl    calls  ms/call  statement\n");
        List<Map.Entry<String, StatementStats>> sorted = calls.entrySet().stream()
                .sorted(Comparator.comparingLong(statement -> -statement.getValue().calls())).toList();
        for (Map.Entry<String, StatementStats> statement : sorted) {
            StatementStats stats = statement.getValue();
            out.append(String.format(Locale.ROOT, "%10.2f %8d %8.3f  %s%n",
                    completions == 0 ? 0.0 : (double) stats.calls() / completions, stats.calls(),
                    stats.totalMillis() / stats.calls(), statement.getKey().replaceAll("\\s+", " ")));
        }
        Files.writeString(file, out);
    }
}
