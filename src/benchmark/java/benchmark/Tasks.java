package benchmark;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds a process instance's next user task the way a client does: asks until it is there. */
final class Tasks {

    private static final long WAIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 50;

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
}
