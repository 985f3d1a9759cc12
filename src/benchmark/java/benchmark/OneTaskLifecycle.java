package benchmark;

import java.util.List;
import java.util.Map;

/** The bare engine's process: start, complete its one user task. */
final class OneTaskLifecycle implements Lifecycle {

    private final List<EngineClient> workers;

    /** Client number i works as {@code workers.get(i)}. */
    OneTaskLifecycle(List<EngineClient> workers) {
        this.workers = workers;
    }

    @Override
    public String key() {
        return "one-task";
    }

    @Override
    public String name() {
        return "bare engine: one-task process";
    }

    @Override
    public void run(int client, int iteration, Recorder recorder) {
        EngineClient worker = workers.get(client);
        String instance = worker.post("/engine-rest/process-definition/key/one-task/start", Map.of()).get("id").asText();
        String task = Tasks.await(worker, instance, "Task_DoWork");
        recorder.completion(() -> worker.post("/engine-rest/task/" + task + "/complete", Map.of()));
        recorder.lifecycleDone();
    }
}
