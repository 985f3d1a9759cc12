package benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills the application's database with open user tasks by cloning the runtime rows of real process instances (started
 * through the application beforehand) with fresh ids: each template instance's whole tree of executions, its tasks,
 * their identity links, its variables (task-local case labels included) with their byte arrays, and the task
 * authorizations the engine wrote. Copy number n of an instance moves it from its organisation's group to the n-th of
 * the organisation groups given (commissioning {@code co-*} to commissioning, provider {@code pr-*} to provider), so the
 * tasks spread over organisations as production's would; internal roles' tasks stay with their role. Jobs, event
 * subscriptions and history are not cloned: no timer or message of a clone ever fires, and Tasklist reads none of them.
 */
final class OpenTaskLoad {

    /** Id columns that point into the cloned tree: each gets the clone's own id. */
    private static final Set<String> TREE_IDS = Set.of("id_", "proc_inst_id_", "execution_id_", "parent_id_",
            "super_exec_", "root_proc_inst_id_", "task_id_", "parent_task_id_", "var_scope_", "bytearray_id_",
            "act_inst_id_");

    private final Connection connection;
    private final List<String> commissioningGroups;
    private final List<String> providerGroups;

    /** Works in one connection to the application's database (the load uses a temporary table). */
    OpenTaskLoad(Connection connection, List<String> commissioningGroups, List<String> providerGroups) {
        this.connection = connection;
        this.commissioningGroups = List.copyOf(commissioningGroups);
        this.providerGroups = List.copyOf(providerGroups);
    }

    /**
     * Clones the root process instances that have open tasks until about {@code total} tasks are open, the given shares
     * going to instances whose tasks are for a provider's group, a commissioning organisation's group, or anyone else
     * (internal roles, assignees); a share without any such instance goes to the others. Then ANALYZE.
     *
     * @return open tasks per kind of template (provider, commissioning, internal) after the load
     */
    Map<String, Long> load(int total, Map<String, Double> shares) throws SQLException {
        // one snapshot: the application's job executor moves the template instances on meanwhile
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        Map<String, Map<String, Integer>> templates = templates();
        long open = queryLong("SELECT count(*) FROM act_ru_task");
        double usedShares = shares.entrySet().stream().filter(share -> !templates.get(share.getKey()).isEmpty())
                .mapToDouble(Map.Entry::getValue).sum();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE bench_template (root varchar(64) PRIMARY KEY, copies integer)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_template VALUES (?, ?)")) {
            for (Map.Entry<String, Map<String, Integer>> kind : templates.entrySet()) {
                int tasks = kind.getValue().values().stream().mapToInt(Integer::intValue).sum();
                if (tasks == 0) {
                    continue;
                }
                long wanted = Math.round(Math.max(0, total - open) * shares.get(kind.getKey()) / usedShares);
                int copies = (int) Math.ceil((double) wanted / tasks);
                for (String root : kind.getValue().keySet()) {
                    insert.setString(1, root);
                    insert.setInt(2, copies);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        String execution = "JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "JOIN bench_template b ON b.root = e.root_proc_inst_id_";
        String task = "JOIN act_ru_task k ON k.id_ = t.task_id_ JOIN act_ru_execution e ON e.id_ = k.proc_inst_id_ "
                + "JOIN bench_template b ON b.root = e.root_proc_inst_id_";
        // only a process instance's own row carries its root instance's id: the others are found through it
        clone("act_ru_execution", execution, "");
        clone("act_ru_task", execution, "");
        clone("act_ru_identitylink", task, "");
        clone("act_ge_bytearray", "JOIN act_ru_variable v ON v.bytearray_id_ = t.id_ "
                + "JOIN act_ru_execution e ON e.id_ = v.proc_inst_id_ JOIN bench_template b ON b.root = e.root_proc_inst_id_", "");
        clone("act_ru_variable", execution, "");
        // resource type 7 = task: the grants the engine writes for a task's candidate groups and assignee
        clone("act_ru_authorization", "JOIN act_ru_task k ON k.id_ = t.resource_id_ JOIN act_ru_execution e "
                + "ON e.id_ = k.proc_inst_id_ JOIN bench_template b ON b.root = e.root_proc_inst_id_", "AND t.resource_type_ = 7");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_template");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("ANALYZE");
        }
        return tasksPerKind();
    }

    /** Root instances with open tasks and how many, per kind: provider, commissioning, internal. */
    private Map<String, Map<String, Integer>> templates() throws SQLException {
        Map<String, Map<String, Integer>> templates = new LinkedHashMap<>();
        for (String kind : List.of("provider", "commissioning", "internal")) {
            templates.put(kind, new LinkedHashMap<>());
        }
        try (Statement statement = connection.createStatement(); ResultSet roots = statement.executeQuery(
                "SELECT e.root_proc_inst_id_, count(DISTINCT k.id_), bool_or(l.group_id_ LIKE 'pr-%'), "
                        + "bool_or(l.group_id_ LIKE 'co-%') FROM act_ru_task k JOIN act_ru_execution e "
                        + "ON e.id_ = k.proc_inst_id_ LEFT JOIN act_ru_identitylink l ON l.task_id_ = k.id_ "
                        + "GROUP BY e.root_proc_inst_id_")) {
            while (roots.next()) {
                String kind = roots.getBoolean(3) ? "provider" : roots.getBoolean(4) ? "commissioning" : "internal";
                templates.get(kind).put(roots.getString(1), roots.getInt(2));
            }
        }
        return templates;
    }

    private Map<String, Long> tasksPerKind() throws SQLException {
        Map<String, Long> kinds = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT kind, count(*) FROM (SELECT CASE WHEN bool_or(l.group_id_ LIKE 'pr-%') THEN 'provider' "
                        + "WHEN bool_or(l.group_id_ LIKE 'co-%') THEN 'commissioning' ELSE 'internal' END AS kind "
                        + "FROM act_ru_task k LEFT JOIN act_ru_identitylink l ON l.task_id_ = k.id_ GROUP BY k.id_) tasks "
                        + "GROUP BY kind ORDER BY kind")) {
            while (rows.next()) {
                kinds.put(rows.getString(1), rows.getLong(2));
            }
        }
        return kinds;
    }

    /**
     * Inserts copies 1..copies of the template rows of one table ({@code t}, joined to {@code bench_template b} and
     * whatever leads there), every column as it is but the tree's ids, the organisation groups and a few labels.
     */
    private void clone(String table, String joins, String condition) throws SQLException {
        List<String> columns = columns(table);
        String values = columns.stream().map(column -> expression(table, column)).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
                + " t " + joins + " CROSS JOIN LATERAL generate_series(1, b.copies) n WHERE true " + condition;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String expression(String table, String column) {
        if (TREE_IDS.contains(column) || table.equals("act_ru_authorization") && column.equals("resource_id_")) {
            return "CASE WHEN t." + column + " IS NULL THEN NULL ELSE md5(t." + column + " || ':' || n)::uuid::text END";
        }
        if (column.equals("group_id_")) {
            return group("t.group_id_");
        }
        if (table.equals("act_ru_variable") && column.equals("text_")) {
            // the case label names the copy; a variable holding an organisation's group follows the tasks' group
            return "CASE WHEN t.name_ = 'caseReference' THEN t.text_ || '-' || n ELSE " + group("t.text_") + " END";
        }
        if (table.equals("act_ru_execution") && column.equals("business_key_")) {
            return "t.business_key_ || '-' || n";
        }
        if (table.equals("act_ru_task") && column.equals("create_time_")) {
            // every template's copies spread over the same 90 days, so each organisation's tasks arrive over the whole
            // period, as in production, and the newest page holds every kind (not only the templates with most copies)
            return "t.create_time_ - n * (interval '90 days' / b.copies)";
        }
        return "t." + column;
    }

    private String group(String column) {
        return String.format(Locale.ROOT, "CASE WHEN %1$s LIKE 'pr-%%' THEN (%2$s)[1 + n %% %3$d] WHEN %1$s LIKE 'co-%%' "
                + "THEN (%4$s)[1 + n %% %5$d] ELSE %1$s END", column, array(providerGroups), providerGroups.size(),
                array(commissioningGroups), commissioningGroups.size());
    }

    private static String array(List<String> values) {
        return values.stream().map(value -> "'" + value.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "ARRAY[", "]"));
    }

    private List<String> columns(String table) throws SQLException {
        return strings(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = ? ORDER BY ordinal_position", table);
    }

    /** The first column of what the query with one text parameter gives. */
    static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
        }
        return values;
    }

    long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
