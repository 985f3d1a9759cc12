package benchmark;

/** One lifecycle the clients drive through the engine REST API, start to end, over and over. */
interface Lifecycle {

    String name();

    /** A short name for file names: letters, digits and dashes. */
    String key();

    /** Runs lifecycle number {@code iteration} of client {@code client}, timing each task completion. */
    void run(int client, int iteration, Recorder recorder);
}
