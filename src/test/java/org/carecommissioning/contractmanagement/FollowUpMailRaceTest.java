package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.RivalCompletion;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * C7 C8: the follow-up's survey e-mail is a job of the same meeting. Beside the improvement plan's branch, the job
 * executor could run it at the very moment the officer agreed the plan: ending the plan's branch rewrites the survey
 * branch's execution, which the job had just moved on, and the officer got a 409 for a task no one else worked on.
 * The race is forced ({@link RivalCompletion}): the meeting's due jobs run to their end and commit after the
 * completion has read the task and before it writes anything. The officer's completion must succeed.
 */
@ApplicationTest
class FollowUpMailRaceTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;

    String code;
    String officer;
    String providerUser;
    ProcessInstance meeting;

    @BeforeEach
    void meetingHeld() {
        Scenario.now(LocalDateTime.of(2026, 11, 23, 9, 0));
        code = Scenario.uniqueCode("FR");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@provider.example"));
        officer = "po-" + code.toLowerCase();
        providerUser = "prov-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        services.register("S" + code, "Floating support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 4, 12));
        meeting = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("contract-management-meeting",
                Map.of("serviceCode", "S" + code, "meetingDate", "2027-01-11")));
        scenario.executeDueJobs(meeting.getId());
        scenario.complete(officer, meeting, "Task_InternalComplianceAudit", Map.of());
        scenario.complete(officer, meeting, "Task_PrepareAgenda",
                Map.of("agenda", runtimeService.getVariable(meeting.getId(), "agenda")));
        scenario.executeDueJobs(meeting.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 12, 9, 0));
        scenario.complete(officer, meeting, "Task_RecordMinutes", Map.of("heldOn", "2027-01-11",
                "minutes", "Discussed the performance summary.", "actions", "Write a training plan | J. Smith | 2027-03-01"));
        scenario.complete(officer, meeting, "Task_ReassignPriority", Map.of("newPriorityLevel", "AMBER",
                "priorityReason", "Steady performance", "unannouncedAudits", false));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C8 the survey e-mail job runs before any task of the follow-up opens, so no completion meets it")
    void surveyMailBeforeTheBranches() {
        assertThat(surveyMailJob()).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(meeting.getId()).count()).isZero();

        scenario.executeDueJobs(meeting.getId());

        assertThat(surveyMailJob()).isNull();
        assertThat(scenario.task(meeting, "Task_WriteImprovementPlan")).isNotNull();
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).isNotNull();
    }

    @Test
    @DisplayName("C7 C8 the officer's agreement ends the plan branch although the meeting's due jobs run at the same moment")
    void planAgreedWhileJobsRun() {
        scenario.complete(providerUser, meeting, open("Task_WriteImprovementPlan"),
                Map.of("improvementPlan", "J. Smith writes the training plan within eight weeks."));
        RivalCompletion.before(scenario.task(meeting, "Task_AgreeImprovementPlan").getId(),
                () -> scenario.executeDueJobs(meeting.getId()));

        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "agree"));

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ImprovementPlanAgreed").finished().count()).isEqualTo(1);
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).isNotNull();
        assertThat(surveyMailJob()).isNull();
    }

    /** The key of a task of the meeting that is open once the due jobs have run, as the job executor runs them. */
    private String open(String taskDefinitionKey) {
        if (scenario.task(meeting, taskDefinitionKey) == null) {
            scenario.executeDueJobs(meeting.getId());
        }
        return taskDefinitionKey;
    }

    private Job surveyMailJob() {
        return managementService.createJobQuery().processInstanceId(meeting.getId()).activityId("Task_RequestFeedback")
                .singleResult();
    }
}
