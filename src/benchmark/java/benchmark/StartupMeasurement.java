package benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Issue 12's start-up figures alone ({@code ./mvnw -Pbenchmark verify -DskipTests -Dbenchmark.startupRepeats=2}):
 * for the application and the bare engine in turn, each on a new database of its own, the first start (the schema
 * created, every resource deployed, the start-up writers' rows written) and a restart on the same database (the
 * common case in production): seconds from starting the JVM to {@code /engine-rest/engine} answering and, for the
 * application, to readiness; the JVM's CPU seconds (user + system, less sensitive to a busy machine than the wall
 * clock) and resident memory at both moments; the SQL statements
 * each start ran ({@code statements-startup-*.txt}). Repeated, application and bare engine alternating so
 * both see the same load. {@code -Dbenchmark.nmt=true} adds Native Memory Tracking to both JVMs and writes
 * {@code jcmd VM.native_memory summary} of each start; {@code -Dbenchmark.jvmOptions="..."} gives both JVMs the same
 * extra options; {@code -Dbenchmark.extracted=true} runs the application from its extracted jar
 * ({@link EngineCommands}); {@code -Dbenchmark.compareJar=other.jar} measures another build of the application too, in
 * the same run (before and after a change, under the same load). Table on stdout, JSON in {@code target/benchmark/startup.json}.
 */
final class StartupMeasurement {

    private static final String READINESS = "/actuator/health/readiness";

    private final int repeats = Integer.getInteger("benchmark.startupRepeats", 2);
    private final boolean nativeMemory = Boolean.getBoolean("benchmark.nmt");
    private final Path directory = Path.of(System.getProperty("benchmark.directory", "target/benchmark"));
    private final List<String> jvmOptions = JvmProcess.jvmOptions();
    private final List<Map<String, Object>> starts = new ArrayList<>();

    private StartupMeasurement() {
    }

    /** True when the benchmark was asked for start-up figures only. */
    static boolean requested() {
        return Integer.getInteger("benchmark.startupRepeats", 0) > 0;
    }

    static void run() throws Exception {
        new StartupMeasurement().measure();
    }

    private void measure() throws Exception {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", OffsetDateTime.now().toString());
        json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageBefore", loadAverage());
        json.put("jvmOptions", jvmOptions);
        json.put("applicationJar", Boolean.getBoolean("benchmark.extracted") ? "extracted" : "packaged (java -jar)");
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Database database = Database.start()) {
            for (int repeat = 1; repeat <= repeats; repeat++) {
                Map<String, String> jars = new LinkedHashMap<>();
                jars.put("application", System.getProperty("benchmark.jar"));
                if (System.getProperty("benchmark.compareJar") != null) {
                    jars.put("app (compare)", System.getProperty("benchmark.compareJar"));
                }
                Map<String, String> databases = new LinkedHashMap<>();
                for (String engine : jars.keySet()) {
                    databases.put(engine, "startup_" + databases.size() + "_" + repeat);
                }
                String bare = "startup_bare_" + repeat;
                for (String name : databases.values()) {
                    database.create(name);
                }
                database.create(bare);
                for (String start : List.of("fresh", "restart")) {
                    for (Map.Entry<String, String> jar : jars.entrySet()) {
                        int port = freePort();
                        String name = databases.get(jar.getKey());
                        measure(database, name, jar.getKey(), start, repeat,
                                EngineCommands.application(options(), jar.getValue(), port),
                                EngineCommands.applicationEnvironment(database, name, smtp.getSmtp().getPort()),
                                new EngineClient("http://localhost:" + port, "demo", "demo"), true);
                    }
                    int port = freePort();
                    measure(database, bare, "bare engine", start, repeat, EngineCommands.bareEngine(options(), directory,
                            database, bare, port), EngineCommands.bareEnvironment(), new EngineClient("http://localhost:"
                            + port, "admin", EngineCommands.BARE_ADMIN_PASSWORD), false);
                }
            }
        } finally {
            smtp.stop();
        }
        json.put("loadAverageAfter", loadAverage());
        json.put("starts", starts);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(directory.resolve("startup.json").toFile(), json);
        System.out.println(table(json));
        System.out.println("Written: " + directory.resolve("startup.json"));
    }

    private void measure(Database database, String databaseName, String engine, String start, int repeat,
            List<String> command, Map<String, String> environment, EngineClient probe, boolean readiness) throws Exception {
        String name = engine.replaceAll("[^a-z]+", "-") + "-" + repeat + "-" + start;
        // the new JVM's CPU counts from its start, so the window is opened for the statements only
        MeasuredWindow window = MeasuredWindow.open(null, database, databaseName);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("engine", engine);
        figures.put("start", start);
        figures.put("repeat", repeat);
        figures.put("loadAverage", loadAverage());
        try (JvmProcess jvm = JvmProcess.start(command, environment, directory.resolve("startup-" + name + ".log"),
                probe)) {
            figures.put("restSeconds", jvm.startupSeconds());
            figures.put("restResidentMegabytes", jvm.residentMegabytes());
            figures.put("restCpuSeconds", jvm.cpuMillis() / 1000);
            if (readiness) {
                figures.put("readySeconds", jvm.awaitOk(probe, READINESS, directory.resolve("startup-" + name + ".log")));
                figures.put("readyResidentMegabytes", jvm.residentMegabytes());
                figures.put("readyCpuSeconds", jvm.cpuMillis() / 1000);
            }
            if (nativeMemory) {
                Path summary = directory.resolve("nmt-" + name + ".txt");
                new ProcessBuilder(Path.of(JvmProcess.javaExecutable()).resolveSibling("jcmd").toString(),
                        Long.toString(jvm.pid()), "VM.native_memory", "summary").redirectErrorStream(true)
                        .redirectOutput(summary.toFile()).start().waitFor();
                figures.put("nativeMemory", summary.getFileName().toString());
            }
            StatementBreakdown statements = window.statements();
            if (statements != null) {
                figures.put("statements", statements.total());
                statements.write(directory.resolve("statements-startup-" + name + ".txt"), engine + " " + start
                        + " start, to readiness (the bare engine: to its REST API answering)", 1);
            }
        }
        starts.add(figures);
        System.out.println("start-up " + figures);
    }

    private List<String> options() {
        List<String> options = new ArrayList<>(jvmOptions);
        if (nativeMemory) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        return options;
    }


    private String table(Map<String, Object> json) {
        String row = "%-14s %-8s %6s %8s %8s %8s %8s %8s %8s %6s   %s%n";
        StringBuilder out = new StringBuilder("\nStart-up (issue 12): ").append(json.get("date")).append(", ")
                .append(json.get("availableProcessors")).append(" cores, load average before ")
                .append(json.get("loadAverageBefore")).append(", after ").append(json.get("loadAverageAfter"))
                .append("\nJVM options of both: ").append(json.get("jvmOptions")).append("; application jar: ")
                .append(json.get("applicationJar")).append("\n\n")
                .append(String.format(Locale.ROOT, row, "engine", "start", "repeat", "REST s", "CPU s", "RSS MB",
                        "ready s", "CPU s", "RSS MB", "SQL", "load average at its start"));
        for (Map<String, Object> figures : starts) {
            out.append(String.format(Locale.ROOT, row, figures.get("engine"), figures.get("start"), figures.get("repeat"),
                    number(figures.get("restSeconds")), number(figures.get("restCpuSeconds")),
                    number(figures.get("restResidentMegabytes")), number(figures.get("readySeconds")),
                    number(figures.get("readyCpuSeconds")), number(figures.get("readyResidentMegabytes")),
                    figures.getOrDefault("statements", "-"),
                    figures.get("loadAverage")));
        }
        return out.toString();
    }

    private static String number(Object value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", (Double) value);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
