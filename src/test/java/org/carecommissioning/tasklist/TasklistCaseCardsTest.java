package org.carecommissioning.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.performance.ContractPage;
import org.carecommissioning.performance.Workbooks;
import org.carecommissioning.security.Roles;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist item 1: every task card names its case. Lists each group's open-tasks filter the way Tasklist does
 * (POST /filter/{id}/list as HAL, which embeds the filter's variables in each task) as a member of that group,
 * and finds the case reference and the organisation or service, and no personal data, on the task's card.
 */
@ApplicationTest
class TasklistCaseCardsTest {

    private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");
    private static final String CASE_REFERENCE = "caseReference";
    private static final String CASE_SUMMARY = "caseSummary";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    FilterService filterService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingPlanning planning;
    @Autowired
    Workbooks workbooks;
    @Autowired
    CaseLabelsBackfill backfill;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Tasklist 1: every group's filters show the Case and Organisation/service columns, and no client column")
    void everyFilterShowsTheCaseColumns() {
        for (String group : Roles.ALL) {
            for (String kind : List.of("open tasks", "overdue tasks")) {
                String name = label(group) + ": " + kind;
                var filter = filterService.createFilterQuery().filterName(name).singleResult();
                assertThat(filter).as(name).isNotNull();
                assertThat(filter.getProperties().get("variables")).as(name).isEqualTo(List.of(
                        Map.of("name", CASE_REFERENCE, "label", "Case"),
                        Map.of("name", CASE_SUMMARY, "label", "Organisation / service")));
            }
        }
    }

    @Test
    @DisplayName("Tasklist 1: referral: the commissioner's and the coordinator's cards show the referral number and the organisation, not the client")
    void referral() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance referral = scenario.refer(world, "Cara Confidential");
        Task eligibility = scenario.task(referral, "Task_ConfirmEligibility");

        assertCard(world.commissioner(), Roles.COMMISSIONER, eligibility, referral.getBusinessKey(),
                world.organisation().getName(), "Cara Confidential");
        assertThat(referral.getBusinessKey()).startsWith("R-" + world.organisation().getCode() + "-");

        scenario.complete(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of(
                "eligibilityConfirmed", true, "treatmentsAuthorised", 1, "clientContributionPounds", 0));
        scenario.executeDueJobs(referral.getId());
        journeys.staff();
        assertCard(Journeys.COORDINATOR, Roles.COORDINATOR, scenario.task(referral, "Task_BookAppointment"),
                referral.getBusinessKey(), world.organisation().getName(), "Cara Confidential");
    }

    @Test
    @DisplayName("Tasklist 1: partnership-term: the partnership administrator's review card shows the partnership reference and the organisation")
    void partnershipTerm() {
        Scenario.now(LocalDateTime.of(2026, 7, 1, 9, 0));
        String code = Scenario.uniqueCode("TC");
        String admin = "cards-partnership-admin";
        scenario.user(admin, Roles.PARTNERSHIP_ADMIN);
        ProcessInstance term = scenario.as(admin, () -> runtimeService.startProcessInstanceByKey("partnership-term",
                Map.of("organisationName", "Cards Group " + code, "organisationCode", code,
                        "organisationEmail", code.toLowerCase() + "@cards.example", "startDate", "2026-07-01",
                        "treatmentMinutes", 60)));
        Scenario.now(LocalDateTime.of(2026, 12, 3, 0, 5));
        scenario.executeDueJobs(term.getId());

        assertCard(admin, Roles.PARTNERSHIP_ADMIN, scenario.task(term, "Task_ReviewPartnership"),
                "P-" + code + "-20260701", "Cards Group " + code, null);
    }

    @Test
    @DisplayName("Tasklist 1: invoice: finance's payment card shows the invoice number and the billed organisation")
    void invoice() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance invoice = journeys.invoicedTreatmentInQ2(world, "Ivy Cards", "Ivan Invoiced", "2026-07-10T10:00");
        String number = "INV-" + world.organisation().getCode() + "-2026Q2";

        assertCard(Journeys.FINANCE, Roles.FINANCE, scenario.task(invoice, "Task_RecordPayment"), number,
                world.organisation().getName(), "Ivan Invoiced");
    }

    @Test
    @DisplayName("Tasklist 1: contract-management-meeting: the purchasing officer's and the provider's cards show the meeting reference and the service")
    void contractManagementMeeting() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        String code = Scenario.uniqueCode("TM");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@provider.example"));
        String officer = "cards-po-" + code.toLowerCase();
        scenario.user(officer, Roles.PURCHASING_OFFICER);
        services.register("S" + code, "Floating support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 1, 11));
        ProcessInstance meeting = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                "contract-management-meeting", Map.of("serviceCode", "S" + code, "meetingDate", "2027-01-11")));
        scenario.executeDueJobs(meeting.getId());

        assertThat(meeting.getBusinessKey()).isEqualTo("CMM-S" + code + "-20270111");
        assertCard(officer, Roles.PURCHASING_OFFICER, scenario.task(meeting, "Task_InternalComplianceAudit"),
                meeting.getBusinessKey(), "Floating support " + code, null);
        assertThat(provider.getGroupId()).isNotBlank();
    }

    @Test
    @DisplayName("Tasklist 1: cmm-next-meeting: the purchasing officer's planning card shows the planning reference and the service")
    void nextMeeting() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        String code = Scenario.uniqueCode("TN");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code.toLowerCase() + "@p.example"));
        String officer = "cards-po-" + code.toLowerCase();
        scenario.user(officer, Roles.PURCHASING_OFFICER);
        services.register("S" + code, "Older people's support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 1, 4));
        String key = planning.scheduleNext("S" + code);
        ProcessInstance planner = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("cmm-next-meeting").processInstanceBusinessKey(key).singleResult();
        for (Job due : managementService.createJobQuery().processInstanceId(planner.getId()).executable().list()) {
            managementService.executeJob(due.getId());
        }

        assertCard(officer, Roles.PURCHASING_OFFICER, scenario.task(planner, "Task_PlanNextMeeting"), key,
                "Older people's support " + code, null);
    }

    @Test
    @DisplayName("Tasklist 1: pi-return: the provider's submission card shows the return reference and the service")
    void piReturn() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        String code = Scenario.uniqueCode("TP");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code + "@p.example"));
        String officer = "cards-pi-po-" + code.toLowerCase();
        String providerUser = "cards-pi-prov-" + code.toLowerCase();
        scenario.user(officer, Roles.PURCHASING_OFFICER);
        scenario.user(providerUser, Roles.PROVIDER, provider.getGroupId());
        services.register("S" + code, "Young people's housing " + code, code, "Young people", "Supported housing",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 6, 1));
        workbooks.issue("S" + code, "2026/27", new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2",
                false, "Contracts manager", new java.math.BigDecimal("120"), new java.math.BigDecimal("15"),
                new java.math.BigDecimal("5")), null, null, officer);
        ProcessInstance piReturn = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return",
                Map.of("serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28")));
        scenario.executeDueJobs(piReturn.getId());

        assertCard(providerUser, Roles.PROVIDER, scenario.task(piReturn, "Task_SubmitReturn"),
                "PI-S" + code + "-2026Q3", "Young people's housing " + code, null);
    }

    @Test
    @DisplayName("Tasklist 1: every user task of every deployed process gets the case labels when it is created")
    void everyUserTaskIsLabelled() {
        var definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        int userTasks = 0;
        for (var definition : definitions) {
            var deployed = ((org.camunda.bpm.engine.impl.RepositoryServiceImpl) repositoryService)
                    .getDeployedProcessDefinition(definition.getId());
            List<org.camunda.bpm.engine.impl.pvm.PvmActivity> activities =
                    new java.util.ArrayList<>(deployed.getActivities());
            for (int i = 0; i < activities.size(); i++) {
                var activity = activities.get(i);
                activities.addAll(activity.getActivities()); // inside sub-processes too
                if (((org.camunda.bpm.engine.impl.pvm.process.ActivityImpl) activity).getActivityBehavior()
                        instanceof org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior behavior) {
                    userTasks++;
                    assertThat(behavior.getTaskDefinition().getBuiltinTaskListenersForEvent("create"))
                            .as(definition.getKey() + " " + activity.getId())
                            .hasAtLeastOneElementOfType(CaseLabelsListener.class);
                }
            }
        }
        assertThat(userTasks).as("the user tasks of referral, partnership-term, invoice, meetings and PI returns")
                .isGreaterThanOrEqualTo(24);
    }

    @Test
    @DisplayName("Tasklist 1: a task opened before the labels existed is labelled at start-up")
    void tasksFromBeforeAreLabelledAtStartUp() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        World world = scenario.world(LocalDate.of(2026, 7, 1));
        ProcessInstance referral = scenario.refer(world, "Olga Older");
        Task eligibility = scenario.task(referral, "Task_ConfirmEligibility");
        taskService.removeVariablesLocal(eligibility.getId(), List.of(CASE_REFERENCE, CASE_SUMMARY));
        assertThat(variablesOf(card(world.commissioner(), "Commissioner: open tasks", eligibility.getId()))).isEmpty();

        assertThat(scenario.asSystem(backfill::labelUnlabelledTasks)).isGreaterThanOrEqualTo(1);
        assertCard(world.commissioner(), Roles.COMMISSIONER, eligibility, referral.getBusinessKey(),
                world.organisation().getName(), "Olga Older");
        assertThat(scenario.asSystem(backfill::labelUnlabelledTasks)).as("nothing left to label").isZero();
    }

    /**
     * Lists the group's open-tasks filter over REST as the user, as Tasklist does, and checks the task's card:
     * the case reference and summary, and nothing personal.
     */
    private void assertCard(String user, String group, Task task, String reference, String summary, String client) {
        assertThat(task).as("the task to show").isNotNull();
        Map<String, Object> card = card(user, label(group) + ": open tasks", task.getId());
        Map<String, Object> variables = variablesOf(card);
        assertThat(variables).as("variables on the card of %s for %s", task.getName(), user)
                .containsEntry(CASE_REFERENCE, reference)
                .containsEntry(CASE_SUMMARY, summary)
                .doesNotContainKeys("serviceUserName", "serviceUserEmail", "serviceUserPhone", "membershipNumber");
        if (client != null) {
            assertThat(card.toString()).as("no client's name on the card").doesNotContain(client);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> card(String user, String filterName, String taskId) {
        String filterId = scenario.as(user, () -> filterService.createFilterQuery().filterName(filterName).singleResult())
                .getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(HAL));
        // the body Tasklist sends with a filter's list, sorted by creation date, newest first
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, user).exchange(
                "/engine-rest/filter/{id}/list?firstResult=0&maxResults=500", HttpMethod.POST,
                new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
                }, filterId);
        assertThat(response.getStatusCode()).as(filterName + " for " + user).isEqualTo(HttpStatus.OK);
        Map<String, Object> embedded = (Map<String, Object>) response.getBody().get("_embedded");
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) embedded.get("task");
        return tasks.stream().filter(card -> taskId.equals(card.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " not in " + filterName + " for " + user));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variablesOf(Map<String, Object> card) {
        Map<String, Object> embedded = (Map<String, Object>) card.get("_embedded");
        List<Map<String, Object>> variables = (List<Map<String, Object>>) embedded.get("variable");
        Map<String, Object> byName = new HashMap<>();
        for (Map<String, Object> variable : variables) {
            byName.put((String) variable.get("name"), variable.get("value"));
        }
        return byName;
    }

    private static String label(String group) {
        return group.equals(Roles.SP_MANAGER) ? "SP manager"
                : Character.toUpperCase(group.charAt(0)) + group.substring(1).replace('-', ' ');
    }
}
