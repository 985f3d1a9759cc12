package benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Tasklist user waited for the first page of their group's "open tasks" filter: the page (the HAL list
 * Tasklist asks for, which counts too) and the filter's count (the number beside the filter), each and together, in
 * milliseconds per request.
 */
record TasklistUserLatency(String role, String user, String filter, long visibleTasks, int pageRows,
        List<Double> pageMillis, List<Double> countMillis, List<Double> pageAndCountMillis) {

    Double percentile(List<Double> millis, double percentile) {
        return Percentiles.nearestRank(millis, percentile);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", role);
        json.put("user", user);
        json.put("filter", filter);
        json.put("visibleTasks", visibleTasks);
        json.put("pageRows", pageRows);
        json.put("samples", pageMillis.size());
        put(json, "page", pageMillis);
        put(json, "count", countMillis);
        put(json, "pageAndCount", pageAndCountMillis);
        return json;
    }

    private void put(Map<String, Object> json, String figure, List<Double> millis) {
        json.put(figure + "MillisP50", percentile(millis, 50));
        json.put(figure + "MillisP95", percentile(millis, 95));
        json.put(figure + "MillisP99", percentile(millis, 99));
    }
}
