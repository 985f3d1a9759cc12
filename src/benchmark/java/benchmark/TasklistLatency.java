package benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 12's task-list figure: with this many open tasks in the application's database, how long Tasklist's first page
 * and count take for a provider, a commissioner and an internal role (authorizations on).
 */
record TasklistLatency(int requestedTasks, long openTasks, long adminRestCount, Map<String, Long> tasksPerKind,
        double loadSeconds, String loadAverageBefore, String loadAverageAfter, List<TasklistUserLatency> users,
        Map<String, String> notes) {

    private static final String ROW = "  %-13s %-28s %8s %14s %14s %14s%n";

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestedOpenTasks", requestedTasks);
        json.put("openTasks", openTasks);
        json.put("openTasksSeenByAdministratorOverRest", adminRestCount);
        json.put("openTasksPerKind", tasksPerKind);
        json.put("loadSeconds", loadSeconds);
        json.put("loadAverageBefore", loadAverageBefore);
        json.put("loadAverageAfter", loadAverageAfter);
        json.put("users", users.stream().map(TasklistUserLatency::toJson).toList());
        json.put("notes", notes);
        return json;
    }

    /** The figures as lines for the benchmark's printed table. */
    String render() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTasklist at %d open tasks (%s; the "
                + "administrator sees %d over REST), loaded in %.0f s; load average %s before, %s after%n", openTasks,
                tasksPerKind, adminRestCount, loadSeconds, loadAverageBefore, loadAverageAfter));
        out.append(String.format(Locale.ROOT, ROW, "role", "filter", "visible", "page p50/95/99", "count p50/95/99",
                "both p50/95/99"));
        for (TasklistUserLatency user : users) {
            out.append(String.format(Locale.ROOT, ROW, user.role(), user.filter(), user.visibleTasks(),
                    percentiles(user, user.pageMillis()), percentiles(user, user.countMillis()),
                    percentiles(user, user.pageAndCountMillis())));
        }
        notes.forEach((figure, note) -> out.append("  ").append(figure).append(": ").append(note).append('\n'));
        return out.toString();
    }

    private static String percentiles(TasklistUserLatency user, List<Double> millis) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", user.percentile(millis, 50), user.percentile(millis, 95),
                user.percentile(millis, 99));
    }
}
