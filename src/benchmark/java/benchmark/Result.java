package benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one lifecycle driven on one engine over one measured window. A figure that could not be measured
 * is null, with the reason in {@code notes}.
 */
record Result(String lifecycle, int clients, double seconds, Recorder recorder, Long statements,
        Long applicationStatements, Double databaseMillis, double cpuMillis, LookupCost lookups, List<Double> jobLagMillis,
        Map<String, String> notes) {

    int completions() {
        return recorder.completions();
    }

    double completionsPerSecond() {
        return completions() / seconds;
    }

    Double statementsPerCompletion() {
        return statements == null || completions() == 0 ? null : (double) statements / completions();
    }

    Double cpuMillisPerCompletion() {
        return completions() == 0 ? null : cpuMillis / completions();
    }

    /** Statements per completion less the clients' repeated look-ups (the harness waiting for asynchronous steps). */
    Double statementsPerCompletionWithoutLookups() {
        return statements == null || completions() == 0 || lookups.statementsEach() == null ? null
                : (statements - lookups.statements()) / completions();
    }

    /** The statements on the application's own tables per completion: the steps' own work. */
    Double applicationStatementsPerCompletion() {
        return applicationStatements == null || completions() == 0 ? null
                : (double) applicationStatements / completions();
    }

    /**
     * PostgreSQL's execution time per completion (pg_stat_statements, the clients' repeated look-ups included): what
     * one completion costs the one database every node of a cluster shares.
     */
    Double databaseMillisPerCompletion() {
        return databaseMillis == null || completions() == 0 ? null : databaseMillis / completions();
    }

    Double cpuMillisPerCompletionWithoutLookups() {
        return completions() == 0 ? null : (cpuMillis - lookups.cpuMillis()) / completions();
    }

    Double jobLagPercentile(double percentile) {
        return Percentiles.nearestRank(jobLagMillis, percentile);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lifecycle", lifecycle);
        json.put("clients", clients);
        json.put("measuredSeconds", seconds);
        json.put("taskCompletions", completions());
        json.put("lifecyclesFinished", recorder.lifecycles());
        json.put("errors", recorder.errors());
        json.put("firstError", recorder.firstError());
        json.put("completionsPerSecond", completionsPerSecond());
        json.put("completionLatencyMillisP50", recorder.percentileMillis(50));
        json.put("completionLatencyMillisP95", recorder.percentileMillis(95));
        json.put("completionLatencyMillisP99", recorder.percentileMillis(99));
        json.put("sqlStatements", statements);
        json.put("sqlStatementsPerCompletion", statementsPerCompletion());
        json.put("sqlStatementsPerCompletionWithoutRepeatedLookups", statementsPerCompletionWithoutLookups());
        json.put("applicationTableStatementsPerCompletion", applicationStatementsPerCompletion());
        json.put("databaseExecutionMillisPerCompletion", databaseMillisPerCompletion());
        json.put("jvmCpuMillis", cpuMillis);
        json.put("jvmCpuMillisPerCompletion", cpuMillisPerCompletion());
        json.put("jvmCpuMillisPerCompletionWithoutRepeatedLookups", cpuMillisPerCompletionWithoutLookups());
        json.put("repeatedLookups", lookups.repeatedLookups());
        json.put("sqlStatementsPerLookup", lookups.statementsEach());
        json.put("jvmCpuMillisPerLookup", lookups.cpuMillisEach());
        json.put("asyncJobs", jobLagMillis == null ? null : jobLagMillis.size());
        json.put("asyncJobLagMillisP50", jobLagPercentile(50));
        json.put("asyncJobLagMillisP95", jobLagPercentile(95));
        json.put("notes", notes);
        return json;
    }
}
