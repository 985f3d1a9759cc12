package benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12's Tasklist latency at scale ({@code -Dbenchmark.openTasks}, default 100,000; 0 skips it): on the running
 * application, starts a few real referrals through the engine REST API, clones the open instances' runtime rows
 * ({@link OpenTaskLoad}) until that many user tasks are open, spread over ten commissioning organisations' groups, twenty
 * providers' groups and the internal roles, and then times what Tasklist sends for its first page, as a provider's
 * member of staff, a commissioner and a coordinator (authorizations on, none of them an administrator): the HAL list of
 * their group's "open tasks" filter (15 rows, newest first, with the filter's variable columns) and the filter's count,
 * {@code -Dbenchmark.tasklistSamples} times each (default 50) after a warm-up.
 */
final class TasklistAtScale {

    private static final int COMMISSIONING_ORGANISATIONS = 10;
    private static final int PROVIDERS = 20;
    private static final int TEMPLATE_REFERRALS = 6;
    /** What Tasklist's task list posts to the filter: no search criteria, newest first. */
    private static final Map<String, Object> TASKLIST_QUERY = Map.of("processVariables", List.of(), "taskVariables",
            List.of(), "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created",
                    "sortOrder", "desc")));

    private final Database database;
    private final String databaseName;
    private final EngineClient admin;
    private final String baseUrl;
    private final int openTasks = Integer.getInteger("benchmark.openTasks", 100_000);
    private final int samples = Integer.getInteger("benchmark.tasklistSamples", 50);
    /** Warm-up rounds per user; a few more than ten, so the JDBC driver's prepared statements reach their generic plans. */
    private final int warmUp = Integer.getInteger("benchmark.tasklistWarmUp", 20);

    TasklistAtScale(Database database, String databaseName, EngineClient admin, String baseUrl) {
        this.database = database;
        this.databaseName = databaseName;
        this.admin = admin;
        this.baseUrl = baseUrl;
    }

    /** The figures, or null when {@code benchmark.openTasks} is 0. */
    TasklistLatency measure() throws Exception {
        if (openTasks <= 0) {
            return null;
        }
        List<String> commissioning = organisationGroups("co-hope", "co-bench", COMMISSIONING_ORGANISATIONS);
        List<String> providers = organisationGroups("pr-haven", "pr-bench", PROVIDERS);
        EngineClient commissioner = Benchmark.user(admin, baseUrl, "tasklistcommissioner", "commissioner", "co-hope");
        EngineClient provider = Benchmark.user(admin, baseUrl, "tasklistprovider", "provider", providers.get(1));
        EngineClient coordinator = Benchmark.user(admin, baseUrl, "tasklistcoordinator", "coordinator");
        startReferrals(commissioner);
        long started = System.nanoTime();
        Map<String, Long> perKind;
        long open;
        try (Connection connection = connect(database, databaseName)) {
            OpenTaskLoad load = new OpenTaskLoad(connection, commissioning, providers);
            perKind = load.load(openTasks, Map.of("provider", 0.4, "commissioning", 0.3, "internal", 0.3));
            open = load.queryLong("SELECT count(*) FROM act_ru_task");
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long adminCount = admin.get("/engine-rest/task/count").get("count").asLong();
        String loadBefore = loadAverage();
        List<TasklistUserLatency> users = new ArrayList<>();
        users.add(time("provider", provider, "Provider: open tasks"));
        users.add(time("commissioner", commissioner, "Commissioner: open tasks"));
        users.add(time("internal role", coordinator, "Coordinator: open tasks"));
        String loadAfter = loadAverage();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("calls", "POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15 (Accept application/hal+json, "
                + "body " + TASKLIST_QUERY + ": the engine query Tasklist's /camunda/api/engine/engine/default/filter/{id}/list "
                + "runs, with the filter's variable columns embedded) then GET /engine-rest/filter/{id}/count; one client, "
                + samples + " samples each after " + warmUp + " warm-up rounds");
        notes.put("data", "open tasks cloned from real instances (runtime rows with fresh ids, task grants included), "
                + "spread over " + COMMISSIONING_ORGANISATIONS + " commissioning and " + PROVIDERS + " provider groups; "
                + "the administrator's REST count equals the table's");
        return new TasklistLatency(openTasks, open, adminCount, perKind, loadSeconds, loadBefore, loadAfter, users, notes);
    }

    /** The demo organisation's group and groups for more organisations of its kind, created as Camunda Admin does. */
    private List<String> organisationGroups(String demo, String prefix, int count) {
        List<String> groups = new ArrayList<>(List.of(demo));
        for (int i = 1; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s%02d", prefix, i);
            admin.post("/engine-rest/group/create", Map.of("id", id, "name", "Benchmark organisation " + id, "type",
                    "ORGANISATION"));
            groups.add(id);
        }
        return groups;
    }

    /**
     * Real referrals to clone: started by the commissioner, half of them past eligibility (their booking task is the
     * coordinators'). The demo data's own open tasks (the provider's QAF self-assessment, the officers' planning tasks)
     * are cloned with them.
     */
    private static void startReferrals(EngineClient commissioner) {
        for (int i = 0; i < TEMPLATE_REFERRALS; i++) {
            String membership = "TL" + System.currentTimeMillis() % 100_000 + "-" + i;
            String instance = commissioner.post("/engine-rest/process-definition/key/referral/start", EngineClient
                    .variables("serviceUserName", "Tasklist Client " + membership, "membershipNumber", membership,
                            "serviceUserEmail", membership.toLowerCase(Locale.ROOT) + "@example.org", "referralReason",
                            "Benchmark")).get("id").asText();
            if (i % 2 == 0) {
                String task = Tasks.await(commissioner, instance, "Task_ConfirmEligibility");
                commissioner.post("/engine-rest/task/" + task + "/complete", EngineClient.variables(
                        "eligibilityConfirmed", true, "treatmentsAuthorised", 1, "clientContributionPounds", 0.0));
            }
        }
    }

    private TasklistUserLatency time(String role, EngineClient user, String filterName) {
        String filter = admin.get("/engine-rest/filter?resourceType=Task&name="
                + URLEncoder.encode(filterName, StandardCharsets.UTF_8)).get(0).get("id").asText();
        String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
        String count = "/engine-rest/filter/" + filter + "/count";
        for (int i = 0; i < warmUp; i++) {
            user.post(list, TASKLIST_QUERY, "application/hal+json");
            user.get(count);
        }
        List<Double> pages = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        JsonNode page = null;
        long visible = 0;
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            page = user.post(list, TASKLIST_QUERY, "application/hal+json");
            long listed = System.nanoTime();
            visible = user.get(count).get("count").asLong();
            long counted = System.nanoTime();
            pages.add((listed - started) / 1e6);
            counts.add((counted - listed) / 1e6);
            both.add((counted - started) / 1e6);
        }
        int rows = page == null ? 0 : page.path("_embedded").path("task").size();
        return new TasklistUserLatency(role, user.user(), filterName, visible, rows, pages, counts, both);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    static Connection connect(Database database, String databaseName) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(databaseName), "postgres", "postgres");
    }
}
