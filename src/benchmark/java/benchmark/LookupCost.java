package benchmark;

/**
 * The clients' repeated task look-ups of one measured window (those that found nothing while an asynchronous step
 * ran) and what one such look-up costs the engine, measured right after the window with the same query; null costs
 * when they could not be measured.
 */
record LookupCost(long repeatedLookups, Double statementsEach, double cpuMillisEach) {

    double statements() {
        return statementsEach == null ? 0 : repeatedLookups * statementsEach;
    }

    double cpuMillis() {
        return repeatedLookups * cpuMillisEach;
    }
}
