package benchmark;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a process instance's next user task the way a client does: asks until it is there. Every look-up that finds
 * nothing is counted: while an asynchronous step runs, the client asks again every 50 ms, and those repeated look-ups
 * are the harness's waiting, not work of the step, so {@link Benchmark} measures their cost and reports the figures
 * without them as well.
 */
final class Tasks {

    private static final long WAIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 50;
    private static final AtomicLong EMPTY_LOOKUPS = new AtomicLong();

    private Tasks() {
    }

    /** The id of the instance's open task with that key, waiting while asynchronous steps before it run. */
    static String await(EngineClient client, String processInstanceId, String taskKey) {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&taskDefinitionKey=" + taskKey);
            if (tasks.size() > 0) {
                return tasks.get(0).get("id").asText();
            }
            EMPTY_LOOKUPS.incrementAndGet();
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("No task " + taskKey + " for " + processInstanceId + " within "
                        + WAIT_MILLIS / 1000 + " s (as " + client.user() + ")");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Look-ups so far, by every client, that found no task yet. */
    static long emptyLookups() {
        return EMPTY_LOOKUPS.get();
    }

    /** One look-up exactly like a repeated one: the same query for an instance that has no such task. */
    static void lookUpNothing(EngineClient client) {
        JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + UUID.randomUUID()
                + "&taskDefinitionKey=Task_Calibration");
        if (tasks.size() > 0) {
            throw new IllegalStateException("A task was found for a random process instance id");
        }
    }
}
