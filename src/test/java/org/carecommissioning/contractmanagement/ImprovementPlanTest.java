package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.RivalCompletion;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** C7 on the whole application: the provider's written improvement plan, its agreement, and keeping it live. */
@ApplicationTest
class ImprovementPlanTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingService meetings;
    @Autowired
    ImprovementPlan improvementPlan;
    @Autowired
    TestRestTemplate rest;

    String code;
    Organisation provider;
    ContractedService service;
    String officer;
    String otherOfficer;
    String manager;
    String providerUser;
    String otherProviderUser;
    String commissioner;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("IMP");
        provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@provider.example"));
        Organisation otherProvider = scenario.asSystem(() -> organisations.registerProvider(code + "X",
                "Other provider " + code, code.toLowerCase() + "x@provider.example"));
        officer = "po-" + code.toLowerCase();
        otherOfficer = "po2-" + code.toLowerCase();
        manager = "cm-" + code.toLowerCase();
        providerUser = "prov-" + code.toLowerCase();
        otherProviderUser = "prov2-" + code.toLowerCase();
        commissioner = "com-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(otherOfficer, "purchasing-officer");
        scenario.user(manager, "contracts-manager");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", otherProvider.getGroupId());
        scenario.user(commissioner, "commissioner");
        service = services.register("S" + code, "Floating support " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, LocalDate.of(2027, 1, 11));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C7 X1 the provider writes the plan (due 2 weeks after the minutes), the officer returns it with comments, the provider revises it, the officer agrees it")
    void planWrittenReturnedRevisedAgreed() {
        ProcessInstance meeting = meetingWithMinutes("Repair the lift | Manager | 2027-02-01\n"
                + "Train staff in lone working | J. Smith | 2027-03-01");
        Long meetingId = meetingId(meeting);

        // C7 X1 the provider's task, due at the end of the day 14 days after the minutes (12 January)
        Task write = scenario.task(meeting, "Task_WriteImprovementPlan");
        assertThat(write.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 1, 26), Scenario.LONDON));
        assertThat(scenario.as(providerUser, () -> taskService.createTaskQuery().taskId(write.getId()).count()))
                .isEqualTo(1);
        assertThat(scenario.as(otherProviderUser, () -> taskService.createTaskQuery().taskId(write.getId()).count()))
                .as("another provider does not see the task").isZero();
        assertThat(runtimeService.getVariable(meeting.getId(), "openActionCount")).isEqualTo(2);
        assertThat(runtimeService.getVariable(meeting.getId(), "openActions")).isEqualTo(
                "Repair the lift | Manager | 2027-02-01\nTrain staff in lone working | J. Smith | 2027-03-01");

        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan",
                Map.of("improvementPlan", "Lift engineer booked for 20 January; training in February."));
        ImprovementPlanDocument submitted = improvementPlan.planOf(meetingId).orElseThrow();
        assertThat(submitted.getStatus()).isEqualTo(ImprovementPlanDocument.Status.SUBMITTED);
        assertThat(submitted.getWrittenBy()).isEqualTo(providerUser);
        assertThat(submitted.getServiceId()).isEqualTo(service.getId());

        // C7 X1 the officer's task, due 5 working days after the plan came in (Tuesday 12 January)
        Task agree = scenario.task(meeting, "Task_AgreeImprovementPlan");
        assertThat(agree.getAssignee()).isEqualTo(officer);
        assertThat(agree.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 1, 19), Scenario.LONDON));
        // hole 4: another officer is not a candidate for the task, so the engine refuses before the C7 check runs
        assertThatThrownBy(() -> scenario.complete(otherOfficer, meeting, "Task_AgreeImprovementPlan",
                Map.of("planDecision", "agree")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "revise",
                "planReviewComments", "Say who delivers the training and when."));
        ImprovementPlanDocument returned = improvementPlan.planOf(meetingId).orElseThrow();
        assertThat(returned.getStatus()).isEqualTo(ImprovementPlanDocument.Status.RETURNED);
        assertThat(returned.getReviewComments()).isEqualTo("Say who delivers the training and when.");
        assertThat(returned.getAgreedBy()).isNull();

        // C7 back to the provider, with the officer's comments on the form
        assertThat(scenario.task(meeting, "Task_WriteImprovementPlan")).isNotNull();
        assertThat(runtimeService.getVariable(meeting.getId(), "planReviewComments"))
                .isEqualTo("Say who delivers the training and when.");
        Scenario.now(LocalDateTime.of(2027, 1, 14, 10, 0));
        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan", Map.of("improvementPlan",
                "Lift engineer booked for 20 January; J. Smith delivers lone-working training by 1 March."));
        ImprovementPlanDocument revised = improvementPlan.planOf(meetingId).orElseThrow();
        assertThat(revised.getId()).as("the revision updates the same plan").isEqualTo(submitted.getId());
        assertThat(revised.getStatus()).isEqualTo(ImprovementPlanDocument.Status.SUBMITTED);
        assertThat(revised.getPlanText()).contains("J. Smith delivers");
        assertThat(revised.getWrittenAt()).isEqualTo(LocalDateTime.of(2027, 1, 14, 10, 0));
        assertThat(runtimeService.getVariable(meeting.getId(), "planReviewComments"))
                .as("the officer's next form starts without the old comments").isNull();
        assertThat(scenario.task(meeting, "Task_AgreeImprovementPlan").getDueDate())
                .as("5 working days from Thursday 14 January").isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 1, 21), Scenario.LONDON));

        Scenario.now(LocalDateTime.of(2027, 1, 15, 11, 0));
        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "agree"));
        ImprovementPlanDocument agreed = improvementPlan.planOf(meetingId).orElseThrow();
        assertThat(agreed.getStatus()).isEqualTo(ImprovementPlanDocument.Status.AGREED);
        assertThat(agreed.getAgreedBy()).isEqualTo(officer);
        assertThat(agreed.getAgreedOn()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(runtimeService.getVariable(meeting.getId(), "planAgreed")).isEqualTo(true);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ImprovementPlanAgreed").finished().count()).isEqualTo(1);
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).as("C8 the survey branch runs on").isNotNull();
        assertThatThrownBy(() -> improvementPlan.write(meetingId, "Another plan", providerUser))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("already agreed on 2027-01-15");
    }

    @Test
    @DisplayName("C7 an empty improvement plan is refused and nothing is written")
    void emptyPlanRefused() {
        ProcessInstance meeting = meetingWithMinutes("Repair the lift | Manager | 2027-02-01");
        assertThatThrownBy(() -> scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan",
                Map.of("improvementPlan", "   ")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("C7: Write the improvement plan");
        assertThat(improvementPlan.planOf(meetingId(meeting))).isEmpty();
        assertThat(scenario.task(meeting, "Task_WriteImprovementPlan")).as("the task stays open").isNotNull();
        assertThat(scenario.task(meeting, "Task_AgreeImprovementPlan")).isNull();
    }

    @Test
    @DisplayName("C7 returning the plan without comments saying what to change is refused and nothing is written")
    void returnWithoutCommentsRefused() {
        ProcessInstance meeting = meetingWithMinutes("Repair the lift | Manager | 2027-02-01");
        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan",
                Map.of("improvementPlan", "Lift engineer booked for 20 January."));
        assertThatThrownBy(() -> scenario.complete(officer, meeting, "Task_AgreeImprovementPlan",
                Map.of("planDecision", "revise")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Say what the provider should change");
        assertThat(improvementPlan.planOf(meetingId(meeting)).orElseThrow().getStatus())
                .isEqualTo(ImprovementPlanDocument.Status.SUBMITTED);
        assertThat(scenario.task(meeting, "Task_AgreeImprovementPlan")).as("the task stays open").isNotNull();

        assertThat(improvementPlan.planOf(meetingId(meeting)).orElseThrow().getReviewComments()).isNull();

        // a contracts manager may agree it as well as the service's own officer
        improvementPlan.agree(meetingId(meeting), manager, true, "Agreed at the review");
        assertThat(improvementPlan.planOf(meetingId(meeting)).orElseThrow().getAgreedBy()).isEqualTo(manager);
    }

    @Test
    @DisplayName("C7 a meeting without open actions needs no improvement plan")
    void noActionsNoPlan() {
        ProcessInstance meeting = meetingWithMinutes("");
        assertThat(runtimeService.getVariable(meeting.getId(), "openActionCount")).isEqualTo(0);
        assertThat(scenario.task(meeting, "Task_WriteImprovementPlan")).isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_NoImprovementPlan").finished().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("C7 the provider keeps the plan live over the API and the team sees its progress; another provider or a commissioner gets 403")
    void providerUpdatesProgress() {
        Meeting meeting = minutesOnly("Repair the lift | Manager | 2027-02-01");
        String path = "/api/services/{code}/improvement-plan";
        ResponseEntity<List> before = rest.withBasicAuth(officer, officer).getForEntity(path, List.class, "S" + code);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> action = (Map<?, ?>) before.getBody().get(0);
        assertThat(action.containsKey("progressNote")).isTrue();
        assertThat(action.get("progressNote")).isNull();
        Object id = action.get("id");

        String progress = "/api/improvement-actions/{id}/progress";
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser).postForEntity(progress,
                Map.of("note", "Not ours"), Map.class, id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(commissioner, commissioner).postForEntity(progress,
                Map.of("note", "Not ours"), Map.class, id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(officer, officer).postForEntity(progress,
                Map.of("note", "Officer's view"), Map.class, id).getStatusCode())
                .as("the provider keeps its plan, not the officer").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> empty = rest.withBasicAuth(providerUser, providerUser).postForEntity(progress,
                Map.of("note", " "), Map.class, id);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("message").toString()).contains("C7: Write the progress");
        assertThat(improvementPlan.action(((Number) id).longValue()).getProgressNote()).isNull();

        Scenario.now(LocalDateTime.of(2027, 1, 18, 14, 30));
        ResponseEntity<Map> updated = rest.withBasicAuth(providerUser, providerUser).postForEntity(progress,
                Map.of("note", "Engineer booked for 20 January"), Map.class, id);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody().get("progressNote")).isEqualTo("Engineer booked for 20 January");
        assertThat(updated.getBody().get("progressUpdatedBy")).isEqualTo(providerUser);

        ResponseEntity<List> team = rest.withBasicAuth(officer, officer).getForEntity(path, List.class, "S" + code);
        assertThat(((Map<?, ?>) team.getBody().get(0)).get("progressNote")).isEqualTo("Engineer booked for 20 January");
        assertThat(((Map<?, ?>) team.getBody().get(0)).get("progressUpdatedAt")).isEqualTo("2027-01-18T14:30");
        assertThat(improvementPlan.openActions("S" + code)).extracting(ImprovementAction::getProgressNote)
                .containsExactly("Engineer booked for 20 January");
        assertThat(meeting.getId()).isNotNull();
    }

    @Test
    @DisplayName("C7 progress on a closed action is refused and nothing is written")
    void progressOnClosedActionRefused() {
        minutesOnly("Repair the lift | Manager | 2027-02-01");
        ImprovementAction action = improvementPlan.openActions("S" + code).get(0);
        improvementPlan.validateAndClose(action.getId(), officer, false, "Lift repaired 20 January");

        ResponseEntity<Map> refused = rest.withBasicAuth(providerUser, providerUser).postForEntity(
                "/api/improvement-actions/{id}/progress", Map.of("note", "Done"), Map.class, action.getId());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains("C7: This action was closed on 2027-01-12");
        assertThatThrownBy(() -> improvementPlan.updateProgress(action.getId(), "Done", providerUser))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("can no longer change");
        assertThat(improvementPlan.action(action.getId()).getProgressNote()).isNull();
    }

    /**
     * A meeting walked through Tasklist up to the minutes (recorded on 12 January with these actions) and the
     * priority level; no Medium or High clause, so no audit.
     */
    /**
     * The follow-up's survey e-mail is a job of the same meeting. Beside the improvement plan's branch, the job executor
     * could run it at the very moment the officer agreed the plan: ending the plan's branch rewrites the survey branch's
     * execution, which the job had just moved on, and the officer got a 409 for a task no one else worked on.
     */
    @Test
    @DisplayName("C8 the survey e-mail job runs before any task of the follow-up opens, so no completion meets it")
    void surveyMailBeforeTheBranches() {
        ProcessInstance meeting = minutesRecorded("Write a training plan | J. Smith | 2027-03-01");
        assertThat(surveyMailJob(meeting)).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(meeting.getId()).count()).isZero();

        scenario.executeDueJobs(meeting.getId());

        assertThat(surveyMailJob(meeting)).isNull();
        assertThat(scenario.task(meeting, "Task_WriteImprovementPlan")).isNotNull();
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).isNotNull();
    }

    /**
     * The race is forced ({@link RivalCompletion}): the meeting's due jobs run to their end and commit after the
     * officer's completion has read the task and before it writes anything. The officer's completion must succeed.
     */
    @Test
    @DisplayName("C7 C8 the officer's agreement ends the plan branch although the meeting's due jobs run at the same moment")
    void planAgreedWhileJobsRun() {
        ProcessInstance meeting = minutesRecorded("Write a training plan | J. Smith | 2027-03-01");
        // run the due jobs only if the plan's task is not open yet: were the survey e-mail beside it again, its job
        // would still be due when the officer agrees the plan
        if (scenario.task(meeting, "Task_WriteImprovementPlan") == null) {
            scenario.executeDueJobs(meeting.getId());
        }
        scenario.complete(providerUser, meeting, "Task_WriteImprovementPlan",
                Map.of("improvementPlan", "J. Smith writes the training plan within eight weeks."));
        RivalCompletion.before(scenario.task(meeting, "Task_AgreeImprovementPlan").getId(),
                () -> scenario.executeDueJobs(meeting.getId()));

        scenario.complete(officer, meeting, "Task_AgreeImprovementPlan", Map.of("planDecision", "agree"));

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meeting.getId())
                .activityId("EndEvent_ImprovementPlanAgreed").finished().count()).isEqualTo(1);
        assertThat(scenario.task(meeting, "Task_GiveFeedback")).isNotNull();
        assertThat(surveyMailJob(meeting)).isNull();
    }

    private Job surveyMailJob(ProcessInstance meeting) {
        return managementService.createJobQuery().processInstanceId(meeting.getId()).activityId("Task_RequestFeedback")
                .singleResult();
    }

    private ProcessInstance meetingWithMinutes(String actions) {
        ProcessInstance meeting = minutesRecorded(actions);
        scenario.executeDueJobs(meeting.getId());
        return meeting;
    }

    /** Held, minutes and priority recorded; the follow-up's first job (the survey e-mail) not run yet. */
    private ProcessInstance minutesRecorded(String actions) {
        ProcessInstance meeting = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                "contract-management-meeting", Map.of("serviceCode", "S" + code, "meetingDate", "2027-01-11")));
        scenario.executeDueJobs(meeting.getId());
        scenario.complete(officer, meeting, "Task_InternalComplianceAudit", Map.of());
        scenario.complete(officer, meeting, "Task_PrepareAgenda",
                Map.of("agenda", runtimeService.getVariable(meeting.getId(), "agenda")));
        scenario.executeDueJobs(meeting.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 12, 9, 0));
        scenario.complete(officer, meeting, "Task_RecordMinutes",
                Map.of("heldOn", "2027-01-11", "minutes", "Discussed the lift.", "actions", actions));
        scenario.complete(manager, meeting, "Task_ReassignPriority",
                Map.of("newPriorityLevel", "AMBER", "priorityReason", "Steady"));
        return meeting;
    }

    /** The minutes of a meeting recorded directly, for the API tests. */
    private Meeting minutesOnly(String actions) {
        Meeting meeting = meetings.plan("S" + code, LocalDate.of(2027, 1, 4), officer);
        Scenario.now(LocalDateTime.of(2027, 1, 12, 9, 0));
        meetings.recordMinutes(meeting.getId(), LocalDate.of(2027, 1, 4), "Minutes", actions);
        return meeting;
    }

    private Long meetingId(ProcessInstance meeting) {
        return ((Number) runtimeService.getVariable(meeting.getId(), "meetingId")).longValue();
    }
}
