package benchmark;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** What the clients of one lifecycle measured: each task completion's latency, finished lifecycles, failures. */
final class Recorder {

    private final ConcurrentLinkedQueue<Long> completionNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger lifecycles = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    /** Times one task completion (the REST call that completes it). */
    <T> T completion(Supplier<T> call) {
        long started = System.nanoTime();
        T result = call.get();
        completionNanos.add(System.nanoTime() - started);
        return result;
    }

    void lifecycleDone() {
        lifecycles.incrementAndGet();
    }

    void error(RuntimeException e) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, String.valueOf(e.getMessage()));
    }

    int completions() {
        return completionNanos.size();
    }

    int lifecycles() {
        return lifecycles.get();
    }

    int errors() {
        return errors.get();
    }

    String firstError() {
        return firstError.get();
    }

    /** The latency percentile in milliseconds (nearest rank), or null without completions. */
    Double percentileMillis(double percentile) {
        List<Double> millis = completionNanos.stream().map(nanos -> nanos / 1_000_000.0).toList();
        return Percentiles.nearestRank(millis, percentile);
    }
}
