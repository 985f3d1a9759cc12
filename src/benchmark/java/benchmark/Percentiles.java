package benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of measured values. */
final class Percentiles {

    private Percentiles() {
    }

    /** The value at that percentile (nearest rank), or null when nothing was measured. */
    static Double nearestRank(Collection<Double> values, double percentile) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
