package benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine's process as measured: seconds to the REST API answering and (the application) to readiness, memory, and
 * the results of the lifecycles driven on it.
 */
record EngineRun(String engine, double startupSeconds, Double readySeconds, double residentMegabytesAfterStart,
        double residentMegabytesAfterRun, List<Result> results) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", engine);
        json.put("startupSeconds", startupSeconds);
        json.put("readinessSeconds", readySeconds);
        json.put("residentMegabytesAfterStart", residentMegabytesAfterStart);
        json.put("residentMegabytesAfterRun", residentMegabytesAfterRun);
        json.put("lifecycles", results.stream().map(Result::toJson).toList());
        return json;
    }
}
