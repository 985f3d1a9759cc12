package benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java process under measurement: the seconds from its start until {@code /engine-rest/engine} answers 200, its
 * resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and its CPU time ({@code utime + stime} of
 * {@code /proc/<pid>/stat}).
 */
final class JvmProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 300_000;
    private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

    private final Process process;
    private final long startedNanos;
    private final double startupSeconds;

    private JvmProcess(Process process, long startedNanos, double startupSeconds) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.startupSeconds = startupSeconds;
    }

    /** Starts the command, its output in {@code log}, and waits until the engine's REST API answers. */
    static JvmProcess start(List<String> command, Map<String, String> environment, Path log, EngineClient probe)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        awaitOk(process, probe, "/engine-rest/engine", log);
        return new JvmProcess(process, started, (System.nanoTime() - started) / 1e9);
    }

    /** Waits until the path answers 200 and gives the seconds since the process started. */
    double awaitOk(EngineClient probe, String path, Path log) throws InterruptedException {
        awaitOk(process, probe, path, log);
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void awaitOk(Process process, EngineClient probe, String path, Path log) throws InterruptedException {
        long until = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (probe.status(path) != 200) {
            if (!process.isAlive() || System.currentTimeMillis() > until) {
                process.destroyForcibly();
                throw new IllegalStateException("The process did not answer 200 on " + path + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    double startupSeconds() {
        return startupSeconds;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory in MB, from the kernel's VmRSS. */
    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid());
    }

    /** CPU time used so far (user + system) in milliseconds. */
    double cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command name start with field 3 (state): utime is field 14, stime field 15, in clock ticks
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS_PER_SECOND;
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }

    static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** The options of {@code -Dbenchmark.jvmOptions} (e.g. a flight recording), which both engines get alike. */
    static List<String> jvmOptions() {
        String options = System.getProperty("benchmark.jvmOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
