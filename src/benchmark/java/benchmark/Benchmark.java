package benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.carecommissioning.shared.FinancialQuarter;

/**
 * Issue 12's benchmark ({@code ./mvnw -Pbenchmark verify}): on one embedded PostgreSQL server, starts the packaged
 * application and then a bare Camunda engine ({@link BareEngineApplication}) as separate JVMs on databases of their
 * own, drives their lifecycles through the engine REST API with N concurrent clients, and prints per lifecycle the
 * completions per second, SQL statements and JVM CPU per completion, completion latency percentiles and async-job
 * lag, with start-up time and resident memory; the same as JSON in {@code target/benchmark/results.json}.
 */
public final class Benchmark {

    private static final String APP_DATABASE = "benchmark_app";
    private static final String BARE_DATABASE = "benchmark_bare";
    private static final String BARE_ADMIN_PASSWORD = "bare-admin-password";
    private static final int CALIBRATION_LOOKUPS = 400;

    private final int clients = Integer.getInteger("benchmark.clients", 8);
    private final int seconds = Integer.getInteger("benchmark.seconds", 60);
    private final int warmUpSeconds = Math.max(5, seconds / 4);
    private final Path directory = Path.of(System.getProperty("benchmark.directory", "target/benchmark"));
    /** Only Tasklist at scale: no lifecycle window, no invoice run, no bare engine (a quicker loop for query work). */
    private final boolean tasklistOnly = Boolean.getBoolean("benchmark.tasklistOnly");
    private TasklistLatency tasklist;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (StartupMeasurement.requested()) {
            StartupMeasurement.run();
            return;
        }
        new Benchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", OffsetDateTime.now().toString());
        json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageBefore", Files.readString(Path.of("/proc/loadavg")).trim());
        json.put("parameters", Map.of("clients", clients, "measuredSeconds", seconds, "warmUpSeconds", warmUpSeconds));
        List<EngineRun> runs = new ArrayList<>();
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Database database = Database.start()) {
            json.put("sqlStatementCounting", database.statementsUnavailable() == null ? "pg_stat_statements"
                    : "n/a: " + database.statementsUnavailable());
            database.create(APP_DATABASE);
            database.create(BARE_DATABASE);
            runs.add(application(database, smtp.getSmtp().getPort()));
            if (!tasklistOnly) {
                runs.add(bareEngine(database));
            }
        } finally {
            smtp.stop();
        }
        json.put("loadAverageAfter", Files.readString(Path.of("/proc/loadavg")).trim());
        json.put("engines", runs.stream().map(EngineRun::toJson).toList());
        json.put("tasklistAtScale", tasklist == null ? "skipped: -Dbenchmark.openTasks=0" : tasklist.toJson());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(directory.resolve("results.json").toFile(), json);
        System.out.println(new Table(runs, json).render());
        System.out.println(tasklist == null ? "" : tasklist.render());
        System.out.println("Written: " + directory.resolve("results.json"));
    }

    private EngineRun application(Database database, int smtpPort) throws Exception {
        int port = freePort();
        String baseUrl = "http://localhost:" + port;
        Map<String, String> environment = EngineCommands.applicationEnvironment(database, APP_DATABASE, smtpPort);
        // the demo profile brings Hope's live partnership (group co-hope), therapist Maya Patel and the administrator
        // demo/demo; each client works as users of its own, created over the REST API
        List<String> command = EngineCommands.application(JvmProcess.jvmOptions(), System.getProperty("benchmark.jar"), port);
        EngineClient admin = new EngineClient(baseUrl, "demo", "demo");
        Path log = directory.resolve("application.log");
        try (JvmProcess jvm = JvmProcess.start(command, environment, log, admin)) {
            double startup = jvm.startupSeconds();
            double rss = jvm.residentMegabytes();
            // the demo data is written by the start-up writers, after the REST API answers; readiness waits for them
            double ready = jvm.awaitOk(admin, "/actuator/health/readiness", log);
            long therapist = database.queryLong(APP_DATABASE, "SELECT id FROM therapist WHERE full_name = 'Maya Patel'");
            List<EngineClient> commissioners = new ArrayList<>();
            List<EngineClient> coordinators = new ArrayList<>();
            List<ServiceTeam> teams = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                commissioners.add(user(admin, baseUrl, "benchcommissioner" + c, "commissioner", "co-hope"));
                coordinators.add(user(admin, baseUrl, "benchcoordinator" + c, "coordinator"));
                teams.add(new ServiceTeam(user(admin, baseUrl, "benchofficer" + c, "purchasing-officer"),
                        user(admin, baseUrl, "benchmanager" + c, "contracts-manager"),
                        user(admin, baseUrl, "benchprovider" + c, "provider", Steps.PROVIDER_GROUP),
                        user(admin, baseUrl, "benchclerk" + c, "data-input-clerk")));
            }
            String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
            // the referrals' appointments fall in the last completed financial quarter, which the invoice run invoices
            LocalDate appointmentDay = FinancialQuarter.lastCompletedBefore(LocalDate.now()).lastDay();
            List<Lifecycle> lifecycles = List.of(
                    new ReferralLifecycle(commissioners, coordinators, therapist, appointmentDay, runId),
                    new CmmLifecycle(teams, runId), new PiReturnLifecycle(teams, runId), new QafLifecycle(teams, runId),
                    new ConsultationLifecycle(teams, runId));
            List<Result> results = new ArrayList<>();
            if (!tasklistOnly) {
                for (Lifecycle lifecycle : lifecycles) {
                    results.add(measure(lifecycle, jvm, database, APP_DATABASE, true, commissioners.get(0)));
                }
                results.add(new InvoiceRun(user(admin, baseUrl, "benchfinance", "finance"), admin, jvm, database,
                        APP_DATABASE, directory).measure());
            }
            tasklist = new TasklistAtScale(database, APP_DATABASE, admin, baseUrl).measure();
            return new EngineRun("application", startup, ready, rss, jvm.residentMegabytes(), results);
        }
    }

    private EngineRun bareEngine(Database database) throws Exception {
        int port = freePort();
        String baseUrl = "http://localhost:" + port;
        List<String> command = EngineCommands.bareEngine(JvmProcess.jvmOptions(), directory, database, BARE_DATABASE, port);
        Map<String, String> environment = EngineCommands.bareEnvironment();
        EngineClient admin = new EngineClient(baseUrl, "admin", EngineCommands.BARE_ADMIN_PASSWORD);
        try (JvmProcess jvm = JvmProcess.start(command, environment, directory.resolve("bare-engine.log"), admin)) {
            double startup = jvm.startupSeconds();
            double rss = jvm.residentMegabytes();
            grantWorkers(admin);
            List<EngineClient> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(user(admin, baseUrl, "benchworker" + c, "worker"));
            }
            Lifecycle oneTask = new OneTaskLifecycle(workers);
            List<Result> results = List.of(measure(oneTask, jvm, database, BARE_DATABASE, false, workers.get(0)));
            return new EngineRun("bare engine", startup, null, rss, jvm.residentMegabytes(), results);
        }
    }

    /**
     * Creates a user in those (existing) groups over the REST API, as an administrator does in Camunda Admin; letters and
     * digits only, the engine's default pattern for user ids.
     */
    static EngineClient user(EngineClient admin, String baseUrl, String id, String... groups) {
        String password = "Bench-" + id + "-Pw1!";
        admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", "Bench",
                "lastName", id, "email", id + "@example.org"), "credentials", Map.of("password", password)));
        for (String group : groups) {
            admin.put("/engine-rest/group/" + group + "/members/" + id);
        }
        return new EngineClient(baseUrl, id, password);
    }

    /** Group {@code worker}, the one task's candidate group, may start the one-task process. */
    private static void grantWorkers(EngineClient admin) {
        admin.post("/engine-rest/group/create", Map.of("id", "worker", "name", "Worker", "type", "WORKFLOW"));
        // resource types 6 process definition, 8 process instance; type 1 = grant
        admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ",
                "CREATE_INSTANCE", "READ_INSTANCE", "READ_TASK", "UPDATE_TASK"), "groupId", "worker", "resourceType", 6,
                "resourceId", "one-task"));
        admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("CREATE"),
                "groupId", "worker", "resourceType", 8, "resourceId", "*"));
    }

    private Result measure(Lifecycle lifecycle, JvmProcess jvm, Database database, String databaseName,
            boolean asyncSteps, EngineClient lookingUp) throws Exception {
        drive(lifecycle, warmUpSeconds, new Recorder());
        Map<String, String> notes = new LinkedHashMap<>();
        long lookupsBefore = Tasks.emptyLookups();
        MeasuredWindow window = MeasuredWindow.open(jvm, database, databaseName);
        Timestamp since = new Timestamp(System.currentTimeMillis());
        long started = System.nanoTime();
        Recorder recorder = new Recorder();
        drive(lifecycle, seconds, recorder);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMillis = window.cpuMillis();
        long repeatedLookups = Tasks.emptyLookups() - lookupsBefore;
        Long statements = null;
        Long applicationStatements = null;
        Double databaseMillis = null;
        StatementBreakdown breakdown = window.statements();
        if (breakdown != null) {
            statements = breakdown.total();
            applicationStatements = breakdown.application();
            databaseMillis = breakdown.totalMillis();
            Path file = directory.resolve("statements-" + databaseName + "-" + lifecycle.key() + ".txt");
            breakdown.write(file, lifecycle.name() + " on " + databaseName, recorder.completions());
            notes.put("sql", "pg_stat_statements calls in the engine's database over the window, including the "
                    + "clients' task look-ups (GET /task, repeated every 50 ms while an async step runs); per statement in "
                    + file.getFileName());
        } else {
            notes.put("sql", "n/a: " + database.statementsUnavailable());
        }
        List<Double> lags = null;
        if (asyncSteps) {
            lags = database.jobLagMillis(databaseName, since);
            notes.put("jobLag", "ACT_HI_JOB_LOG: job created (or due) to job successful, jobs created in the window");
        } else {
            notes.put("jobLag", "n/a: the process has no asynchronous step");
        }
        notes.put("window", "completions of lifecycles started before the end of the window; the window lasts until "
                + "the last of them ends");
        LookupCost lookups = lookupCost(repeatedLookups, lookingUp, jvm, database, databaseName);
        notes.put("lookups", repeatedLookups + " repeated task look-ups (the client waiting for an asynchronous step) "
                + "cost " + Table.number(lookups.statementsEach()) + " statements and "
                + Table.number(lookups.cpuMillisEach()) + " CPU ms each, measured with " + CALIBRATION_LOOKUPS
                + " look-ups after the window; 'w/o look-ups' figures subtract them");
        return new Result(lifecycle.name(), clients, elapsed, recorder, statements, applicationStatements,
                databaseMillis, cpuMillis, lookups, lags, notes);
    }

    /**
     * What one look-up that finds nothing costs the engine: that many of them, one after another, with nothing else
     * running (the lifecycle's instances have ended), divided out.
     */
    private LookupCost lookupCost(long repeatedLookups, EngineClient lookingUp, JvmProcess jvm, Database database,
            String databaseName) throws Exception {
        for (int i = 0; i < CALIBRATION_LOOKUPS / 4; i++) {
            Tasks.lookUpNothing(lookingUp);
        }
        MeasuredWindow window = MeasuredWindow.open(jvm, database, databaseName);
        for (int i = 0; i < CALIBRATION_LOOKUPS; i++) {
            Tasks.lookUpNothing(lookingUp);
        }
        double cpuMillisEach = window.cpuMillis() / CALIBRATION_LOOKUPS;
        StatementBreakdown statements = window.statements();
        Double statementsEach = statements == null ? null : (double) statements.total() / CALIBRATION_LOOKUPS;
        return new LookupCost(repeatedLookups, statementsEach, cpuMillisEach);
    }

    /** N clients each run the lifecycle over and over until the time is up, finishing the one they are in. */
    private void drive(Lifecycle lifecycle, int durationSeconds, Recorder recorder) throws InterruptedException {
        long until = System.currentTimeMillis() + durationSeconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                for (int iteration = 0; System.currentTimeMillis() < until; iteration++) {
                    try {
                        lifecycle.run(client, iteration, recorder);
                    } catch (RuntimeException e) {
                        recorder.error(e);
                        pause();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(durationSeconds + 300L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
