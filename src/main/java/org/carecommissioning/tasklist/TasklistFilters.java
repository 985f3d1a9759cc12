package org.carecommissioning.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.dto.runtime.FilterDto;
import org.camunda.bpm.engine.task.TaskQuery;
import org.carecommissioning.cluster.StartupWriter;
import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Roles;
import org.carecommissioning.security.TasklistColumn;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters per group, created at start-up if missing: the group's open tasks and its overdue tasks
 * (X1: every deadline is a due date, so "overdue" is simply due before now). Each filter is readable only by
 * its group. Commissioners' and providers' tasks belong to their organisation's group, so their filters follow the
 * user's own groups; a therapist's and a purchasing officer's tasks are assigned to them. A filter that exists already takes the current
 * definition at start-up when its stored one differs, so a release that changes one reaches every database, and a
 * restart that changes nothing writes no filter. One filter per name (and no owner): written under the cluster's
 * start-up lock ({@link StartupWriter}). The existing filters and their grants are read with three queries for all groups.
 */
@Component
@Order(10)
class TasklistFilters implements StartupWriter {

    private static final String OPEN = ": open tasks";
    private static final String OVERDUE = ": overdue tasks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final SystemAuthority system;
    private final List<CapabilityAccess> capabilities;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            SystemAuthority system, List<CapabilityAccess> capabilities) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.system = system;
        this.capabilities = List.copyOf(capabilities);
    }

    @Override
    public void write() {
        system.run(() -> {
            Map<String, List<Filter>> shared = sharedFilters();
            Set<String> readable = authorizationService.createAuthorizationQuery()
                    .groupIdIn(Roles.ALL.toArray(String[]::new)).resourceType(Resources.FILTER)
                    .hasPermission(Permissions.READ).list().stream()
                    .map(authorization -> authorization.getGroupId() + " " + authorization.getResourceId())
                    .collect(Collectors.toSet());
            int priority = 0;
            for (String group : Roles.ALL) {
                Filter open = upsert(shared, label(group) + OPEN, openTasks(group),
                        properties(group, priority++, "#2d7a4f"));
                Filter overdue = upsert(shared, label(group) + OVERDUE, openTasks(group).dueBeforeExpression("${now()}"),
                        properties(group, priority++, "#b03a2e"));
                for (Filter filter : List.of(open, overdue)) {
                    if (!readable.contains(group + " " + filter.getId())) {
                        grantRead(group, filter);
                    }
                }
            }
        });
    }

    /** The shared filters (no owner) of this writer's names, by name, oldest first: two queries for all groups. */
    private Map<String, List<Filter>> sharedFilters() {
        return Stream.of(OPEN, OVERDUE)
                .flatMap(kind -> filterService.createFilterQuery().filterNameLike("%" + kind).list().stream())
                .filter(filter -> filter.getOwner() == null)
                .sorted(Comparator.comparing(Filter::getId))
                .collect(Collectors.groupingBy(Filter::getName, Collectors.toList()));
    }

    private TaskQuery openTasks(String group) {
        TaskQuery query = taskService.createTaskQuery().active();
        return switch (group) {
            // their tasks go to their own organisation's group (co-<code>, pr-<code>), not to the role's group
            case Roles.COMMISSIONER, Roles.PROVIDER ->
                    query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
            // a therapist's diary tasks, and a purchasing officer's tasks for their own services, are assigned to
            // them by name: officers are not candidates for one another's services (hole 4)
            case Roles.THERAPIST, Roles.PURCHASING_OFFICER -> query.taskAssigneeExpression("${currentUser()}");
            default -> query.taskCandidateGroup(group).includeAssignedTasks();
        };
    }

    private Map<String, Object> properties(String group, int priority, String color) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", "Created at start-up for group " + group);
        properties.put("refresh", true);
        properties.put("variables", columns(group));
        return properties;
    }

    private void grantRead(String group, Filter filter) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }

    /**
     * The one shared filter (no owner) of this name, with the current definition: a filter's name and owner identify
     * it (the engine has no such constraint; the start-up writers run under the cluster lock). Copies a race left
     * behind before that lock are deleted, their grants with them. A stored filter is saved again only when its
     * definition differs from the current one.
     */
    private Filter upsert(Map<String, List<Filter>> shared, String name, TaskQuery query, Map<String, Object> properties) {
        List<Filter> same = shared.getOrDefault(name, List.of());
        same.stream().skip(1).forEach(copy -> filterService.deleteFilter(copy.getId()));
        Filter wanted = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        if (same.isEmpty()) {
            return filterService.saveFilter(wanted);
        }
        Filter stored = same.get(0);
        if (definition(stored).equals(definition(wanted))) {
            return stored;
        }
        return filterService.saveFilter(stored.setQuery(query).setProperties(properties));
    }

    /**
     * A filter's definition as Tasklist reads it over the REST API (its name, owner, query with its expressions, and
     * properties), without its id. Written out and read back, so a number is compared by its value, whatever Java
     * type the engine's JSON reader gave it.
     */
    private static JsonNode definition(Filter filter) {
        try {
            JsonNode definition = JSON.readTree(JSON.writeValueAsBytes(FilterDto.fromFilter(filter)));
            ((ObjectNode) definition).remove("id");
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compare the Tasklist filter " + filter.getName(), e);
        }
    }

    /**
     * One pair of columns for every group and process: the case reference and the organisation or service
     * (CaseLabels), task-local so a caseworker who may read only the task still gets them; then the columns the
     * capabilities declare for the group ({@link CapabilityAccess#tasklistColumns()}). No personal data.
     */
    private List<Map<String, String>> columns(String group) {
        List<Map<String, String>> columns = new ArrayList<>(List.of(
                Map.of("name", CaseLabels.CASE_REFERENCE, "label", "Case"),
                Map.of("name", CaseLabels.CASE_SUMMARY, "label", "Organisation / service")));
        for (CapabilityAccess capability : capabilities) {
            for (TasklistColumn column : capability.tasklistColumns()) {
                if (column.group().equals(group)
                        && columns.stream().noneMatch(shown -> shown.get("name").equals(column.variable()))) {
                    columns.add(Map.of("name", column.variable(), "label", column.label()));
                }
            }
        }
        return List.copyOf(columns);
    }

    private static String label(String group) {
        String words = group.replace('-', ' ');
        if (words.startsWith("sp ")) {
            return "SP" + words.substring(2);
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
