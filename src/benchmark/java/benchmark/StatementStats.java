package benchmark;

/** One statement text's calls and total execution time in milliseconds, as pg_stat_statements counts them. */
record StatementStats(long calls, double totalMillis) {

    StatementStats minus(StatementStats earlier) {
        return earlier == null ? this : new StatementStats(calls - earlier.calls, totalMillis - earlier.totalMillis);
    }
}
