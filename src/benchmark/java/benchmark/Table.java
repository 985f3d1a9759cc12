package benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures as a text table; "n/a" where a figure was not measured, and why below it. */
final class Table {

    private static final String ROW = "%-36s %-12s %8s %10s %10s %8s %7s %9s %9s %8s %8s %8s %14s %7s%n";

    private final List<EngineRun> runs;
    private final Map<String, Object> machine;

    Table(List<EngineRun> runs, Map<String, Object> machine) {
        this.runs = runs;
        this.machine = machine;
    }

    String render() {
        StringBuilder out = new StringBuilder("\nBenchmark (issue 12): ").append(machine.get("date"))
                .append(", ").append(machine.get("availableProcessors")).append(" cores, load average before ")
                .append(machine.get("loadAverageBefore")).append(", after ").append(machine.get("loadAverageAfter"))
                .append("\nparameters ").append(machine.get("parameters")).append("\n\n");
        out.append(String.format(Locale.ROOT, ROW, "lifecycle", "engine", "compl/s", "SQL/compl", "w/o lookups",
                "app SQL", "DB ms/c", "CPU ms/c", "w/o lookups", "p50 ms", "p95 ms", "p99 ms", "job lag p50/95", "errors"));
        for (EngineRun run : runs) {
            for (Result result : run.results()) {
                out.append(String.format(Locale.ROOT, ROW, result.lifecycle(), run.engine(),
                        number(result.completionsPerSecond()), number(result.statementsPerCompletion()),
                        number(result.statementsPerCompletionWithoutLookups()),
                        number(result.applicationStatementsPerCompletion()), number(result.databaseMillisPerCompletion()),
                        number(result.cpuMillisPerCompletion()),
                        number(result.cpuMillisPerCompletionWithoutLookups()),
                        number(result.recorder().percentileMillis(50)),
                        number(result.recorder().percentileMillis(95)), number(result.recorder().percentileMillis(99)),
                        number(result.jobLagPercentile(50)) + "/" + number(result.jobLagPercentile(95)),
                        result.recorder().errors()));
            }
        }
        Result bare = bareResult();
        out.append("\nratio to the bare engine (application / bare):\n");
        for (EngineRun run : runs) {
            for (Result result : run.results()) {
                if (result != bare && bare != null) {
                    out.append(String.format(Locale.ROOT, "  %-36s completions/s %s, SQL/completion %s (w/o look-ups %s; "
                            + "engine tables only %s), CPU ms/completion %s (w/o look-ups %s)%n", result.lifecycle(),
                            ratio(result.completionsPerSecond(), bare.completionsPerSecond()),
                            ratio(result.statementsPerCompletion(), bare.statementsPerCompletion()),
                            ratio(result.statementsPerCompletionWithoutLookups(),
                                    bare.statementsPerCompletionWithoutLookups()),
                            ratio(engineOnly(result), engineOnly(bare)),
                            ratio(result.cpuMillisPerCompletion(), bare.cpuMillisPerCompletion()),
                            ratio(result.cpuMillisPerCompletionWithoutLookups(),
                                    bare.cpuMillisPerCompletionWithoutLookups())));
                }
            }
        }
        out.append("\nstart-up and memory:\n");
        for (EngineRun run : runs) {
            out.append(String.format(Locale.ROOT, "  %-16s %6.1f s to /engine-rest/engine (readiness %s), RSS %6.0f MB "
                    + "after start, %6.0f MB after the run%n", run.engine(), run.startupSeconds(),
                    run.readySeconds() == null ? "n/a" : number(run.readySeconds()) + " s", run.residentMegabytesAfterStart(),
                    run.residentMegabytesAfterRun()));
        }
        out.append("\nnotes:\n");
        for (EngineRun run : runs) {
            for (Result result : run.results()) {
                result.notes().forEach((figure, note) -> out.append("  ").append(run.engine()).append(", ")
                        .append(figure).append(": ").append(note).append('\n'));
                if (result.recorder().firstError() != null) {
                    out.append("  ").append(run.engine()).append(", first error: ")
                            .append(result.recorder().firstError()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private Result bareResult() {
        for (EngineRun run : runs) {
            if (run.engine().startsWith("bare") && !run.results().isEmpty()) {
                return run.results().get(0);
            }
        }
        return null;
    }

    /** Statements per completion without the repeated look-ups and without the application's own tables. */
    private static Double engineOnly(Result result) {
        Double withoutLookups = result.statementsPerCompletionWithoutLookups();
        Double application = result.applicationStatementsPerCompletion();
        return withoutLookups == null || application == null ? null : withoutLookups - application;
    }

    static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(Double value, Double base) {
        return value == null || base == null || base == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value / base);
    }
}
