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

    private final Map<String, Long> calls;

    private StatementBreakdown(Map<String, Long> calls) {
        this.calls = calls;
    }

    static StatementBreakdown between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> calls = new HashMap<>();
        after.forEach((text, count) -> {
            long delta = count - before.getOrDefault(text, 0L);
            if (delta > 0) {
                calls.put(text, delta);
            }
        });
        return new StatementBreakdown(calls);
    }

    long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every statement of the window, most frequent first, with its calls per task completion. */
    void write(Path file, String title, int completions) throws IOException {
        StringBuilder out = new StringBuilder(title).append('\n').append(total()).append(" statements, ")
                .append(completions).append(" task completions\n\n");
        List<Map.Entry<String, Long>> sorted = calls.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
        for (Map.Entry<String, Long> statement : sorted) {
            out.append(String.format(Locale.ROOT, "%8.2f per completion  %7d  %s%n",
                    completions == 0 ? 0.0 : (double) statement.getValue() / completions, statement.getValue(),
                    statement.getKey().replaceAll("\\s+", " ")));
        }
        Files.writeString(file, out);
    }
}
