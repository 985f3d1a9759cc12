package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.runtime.FilterDto;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.security.Roles;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** X1: Tasklist filters per group, with the group's open and overdue tasks, readable only by that group. */
@ApplicationTest
class TasklistFiltersTest {

    @Autowired
    FilterService filterService;
    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.carecommissioning.organisation.OrganisationService organisations;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TasklistFilters filters;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("X1 every group has an open-tasks and an overdue-tasks filter, and sees only its own")
    void filtersPerGroup() {
        for (String group : Roles.ALL) {
            String user = "filters-" + group;
            scenario.user(user, group);
            List<String> visible = scenario.as(user, () -> filterService.createFilterQuery().list()).stream()
                    .map(Filter::getName).toList();
            String label = group.equals("sp-manager") ? "SP manager"
                    : Character.toUpperCase(group.charAt(0)) + group.substring(1).replace('-', ' ');
            assertThat(visible).as(group).containsExactlyInAnyOrder(label + ": open tasks", label + ": overdue tasks");
        }
    }

    @Test
    @DisplayName("X1 a copy of a filter (left by two nodes starting at once before the start-up lock) is removed at the next"
            + " start-up, its grant with it, and the filter keeps its one grant")
    void copiesOfAFilterAreRemoved() {
        Filter original = filterService.createFilterQuery().filterName("Finance: open tasks").singleResult();
        Filter copy = filterService.saveFilter(filterService.newTaskFilter("Finance: open tasks")
                .setQuery(taskService.createTaskQuery()));
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(Roles.FINANCE);
        read.setResource(Resources.FILTER);
        read.setResourceId(copy.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);

        filters.write();

        assertThat(filterService.createFilterQuery().filterName("Finance: open tasks").list()).extracting(Filter::getId)
                .as("the first one kept").containsExactly(List.of(original, copy).stream().map(Filter::getId).sorted()
                        .findFirst().orElseThrow());
        String kept = filterService.createFilterQuery().filterName("Finance: open tasks").singleResult().getId();
        String removed = kept.equals(original.getId()) ? copy.getId() : original.getId();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(removed)
                .count()).as("the copy's grant").isZero();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(kept)
                .groupIdIn(Roles.FINANCE).count()).as("the kept filter's grant").isOne();
    }

    @Test
    @DisplayName("X1 a restart with unchanged filters writes no filter: every filter keeps its revision")
    void unchangedFiltersAreNotWritten() {
        filters.write();
        Map<String, Integer> before = revisions();

        filters.write();

        assertThat(before).as("an open and an overdue filter per group").hasSizeGreaterThanOrEqualTo(2 * Roles.ALL.size());
        assertThat(revisions()).isEqualTo(before);
    }

    @Test
    @DisplayName("X1 a filter whose query or properties differ from the current definition is written back to it at the"
            + " next start-up, and only that filter")
    void changedFiltersAreUpdated() throws Exception {
        filters.write();
        Filter overdue = filterService.createFilterQuery().filterName("Finance: overdue tasks").singleResult();
        Filter open = filterService.createFilterQuery().filterName("Coordinator: open tasks").singleResult();
        JsonNode overdueDefinition = definition(overdue);
        JsonNode openDefinition = definition(open);
        filterService.saveFilter(overdue.setQuery(taskService.createTaskQuery()));
        Map<String, Object> recoloured = new HashMap<>(open.getProperties());
        recoloured.put("color", "#000000");
        filterService.saveFilter(open.setProperties(recoloured));
        Map<String, Integer> before = revisions();

        filters.write();

        Map<String, Integer> after = revisions();
        assertThat(definition(filterService.getFilter(overdue.getId()))).as("the query").isEqualTo(overdueDefinition);
        assertThat(definition(filterService.getFilter(open.getId()))).as("the properties").isEqualTo(openDefinition);
        assertThat(after.get(overdue.getId())).isGreaterThan(before.get(overdue.getId()));
        assertThat(after.get(open.getId())).isGreaterThan(before.get(open.getId()));
        before.keySet().removeAll(List.of(overdue.getId(), open.getId()));
        after.keySet().removeAll(List.of(overdue.getId(), open.getId()));
        assertThat(after).as("the other filters").isEqualTo(before);
    }

    private Map<String, Integer> revisions() {
        Map<String, Integer> revisions = new HashMap<>();
        jdbc.query("select id_, rev_ from act_ru_filter",
                row -> {
                    revisions.put(row.getString("id_"), row.getInt("rev_"));
                });
        return revisions;
    }

    private static JsonNode definition(Filter filter) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return json.readTree(json.writeValueAsBytes(FilterDto.fromFilter(filter)));
    }

    @Test
    @DisplayName("X1 R1 a booking task past the partnership's end shows in the coordinator's overdue filter")
    void overdueFilterShowsOverdueTasks() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance referral = journeys.authorisedReferral(world, "Otto Overdue", 1, 0);
        Task booking = scenario.task(referral, "Task_BookAppointment");
        scenario.user("filters-coordinator-2", Roles.COORDINATOR);

        List<Task> open = tasksIn("Coordinator: open tasks", "filters-coordinator-2");
        List<Task> overdueNow = tasksIn("Coordinator: overdue tasks", "filters-coordinator-2");
        assertThat(open).extracting(Task::getId).contains(booking.getId());
        assertThat(overdueNow).extracting(Task::getId).doesNotContain(booking.getId());

        Scenario.now(LocalDateTime.of(2027, 1, 2, 9, 0));
        assertThat(tasksIn("Coordinator: overdue tasks", "filters-coordinator-2")).extracting(Task::getId)
                .contains(booking.getId());
        assertThat(tasksIn("Commissioner: open tasks", world.commissioner())).as("not a commissioner's task")
                .extracting(Task::getId).doesNotContain(booking.getId());
    }

    @Test
    @DisplayName("X1 a provider's staff find their own organisation's tasks in the provider filter, and not another provider's")
    void providerFilterFollowsTheOrganisationGroup() {
        String code = Scenario.uniqueCode("FP");
        String own = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example")).getGroupId();
        String other = scenario.asSystem(() -> organisations.registerProvider(code + "X", "Other " + code,
                code.toLowerCase() + "x@p.example")).getGroupId();
        scenario.user("filters-prov-" + code, Roles.PROVIDER, own);
        Task ownTask = scenario.asSystem(() -> standaloneTask("Write improvement plan " + code, own));
        Task otherTask = scenario.asSystem(() -> standaloneTask("Submit PI return " + code, other));

        assertThat(tasksIn("Provider: open tasks", "filters-prov-" + code)).extracting(Task::getId)
                .contains(ownTask.getId()).doesNotContain(otherTask.getId());
    }

    private Task standaloneTask(String name, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        return task;
    }

    private List<Task> tasksIn(String filterName, String user) {
        return scenario.as(user, () -> {
            Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
            return filterService.<Task>list(filter.getId());
        });
    }
}
