package org.carecommissioning.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.carecommissioning.invoicing.InvoiceLine;
import org.carecommissioning.invoicing.InvoiceService;
import org.carecommissioning.referral.Referral;
import org.carecommissioning.referral.ReferralService;
import org.carecommissioning.referral.ReferralStatus;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Journeys;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.Scenario.World;
import org.carecommissioning.therapist.Therapist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UK GDPR on the whole application: process variables and history carry references, never the client; the forms
 * still show the client to those who need to know; history is cleaned up after its time to live; a service user
 * can be erased, and reads and erasures are audited.
 */
@ApplicationTest
class PersonalDataTest {

    private static final String DPO = "dpo-test";
    private static final Set<String> PERSONAL = Set.of("serviceUserName", "serviceUserEmail", "serviceUserPhone",
            "membershipNumber", "referralReason", "declineReason", "outcomeNotes", "diaryEntry", "wellbeingScore",
            "clientDeclinedEvaluation", "benefitRating", "wouldRecommend", "evaluationComments");

    @Autowired
    Scenario scenario;
    @Autowired
    Journeys journeys;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ReferralService referrals;
    @Autowired
    InvoiceService invoices;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestRestTemplate rest;

    World world;
    Therapist therapist;
    Client client;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        world = scenario.world(LocalDate.of(2026, 7, 1));
        therapist = scenario.therapistOn(world.partnership(), "Maya Privacy", LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 1, 1), null);
        journeys.staff();
        scenario.user(DPO, "data-protection-officer");
        client = Client.unique(world.organisation().getCode());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("no process variable or history entry of a full referral lifecycle holds the client's details or answers")
    void lifecycleKeepsThePersonOutOfTheEngine() throws Exception {
        ProcessInstance referral = refer(client);
        assertThat(runtimeService.getVariables(referral.getId()).keySet()).doesNotContainAnyElementsOf(PERSONAL);
        authorise(referral, 4);

        // The coordinator's booking form shows how to reach the client, read from the application's tables.
        Task booking = scenario.task(referral, "Task_BookAppointment");
        VariableMap shown = scenario.as(Journeys.COORDINATOR, () -> formService.getTaskFormVariables(booking.getId()));
        assertThat(shown.get("serviceUserName")).isEqualTo(client.name());
        assertThat(shown.get("serviceUserPhone")).isEqualTo(client.phone());
        assertThat(shown.get("serviceUserEmail")).isEqualTo(client.email());
        assertThat(taskService.getVariables(booking.getId()).keySet()).doesNotContainAnyElementsOf(PERSONAL);

        for (String day : List.of("2026-07-10", "2026-07-17", "2026-07-24", "2026-07-31")) {
            attendedSession(referral, day + "T10:00");
        }
        submit(Journeys.COORDINATOR, referral, "Task_CollectFinalEvaluation", Map.of("clientDeclinedEvaluation", false,
                "benefitRating", 5, "wouldRecommend", true, "evaluationComments", client.evaluation()));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(referral.getId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_TreatmentPlanCompleted");
        journeys.invoiceRun(2026, 2);

        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(referral.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).contains("referralId", "referralNumber")
                .doesNotContainAnyElementsOf(PERSONAL);
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(referral.getId()).formFields().list())
                .as("form submissions in history").isNotEmpty()
                .noneMatch(detail -> PERSONAL.contains(
                        ((org.camunda.bpm.engine.history.HistoricFormField) detail).getFieldId()));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(referral.getId()).variableUpdates()
                .count()).as("history keeps each variable's latest value once, in ACT_HI_VARINST, not every value "
                        + "again in ACT_HI_DETAIL").isZero();
        assertThat(variables).filteredOn(variable -> variable.getName().equals("treatmentsRemaining"))
                .extracting(HistoricVariableInstance::getValue).containsExactly(0);
        assertThat(EveryColumn.search(dataSource, "ACT_", client.everything())).as("engine tables").isEmpty();
        // The application holds the record, once: the client's row, and the referral's own notes.
        assertThat(EveryColumn.search(dataSource, null, client.name(), client.phone(), client.email()))
                .allMatch(hit -> hit.startsWith("SERVICE_USER."));
        String number = referral.getBusinessKey();
        assertThat(invoices.get("INV-" + world.organisation().getCode() + "-2026Q2").getLines())
                .extracting(InvoiceLine::getReferralNumber).containsOnly(number).hasSize(4);
    }

    @Test
    @DisplayName("a finished referral past its history time to live is removed by the history cleanup job")
    void historyCleanupRemovesFinishedInstancesPastTheirTimeToLive() {
        ProcessInstance declined = refer(client);
        submit(world.commissioner(), declined, "Task_ConfirmEligibility",
                Map.of("eligibilityConfirmed", false, "declineReason", "Not a member"));
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(declined.getId()).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        Date expected = Date.from(ended.getEndTime().toInstant().plus(java.time.Duration.ofDays(2190)));
        assertThat(ended.getRemovalTime()).as("end + 6 years (referral TTL 2190 days)").isEqualTo(expected);

        // A day before its removal time the cleanup leaves it; a day after, the cleanup job removes it.
        ClockUtil.setCurrentTime(Date.from(expected.toInstant().minus(java.time.Duration.ofDays(1))));
        runCleanup();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(declined.getId()).count())
                .isEqualTo(1);
        ClockUtil.setCurrentTime(Date.from(expected.toInstant().plus(java.time.Duration.ofDays(1))));
        runCleanup();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(declined.getId()).count())
                .isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(declined.getId()).count())
                .isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(declined.getId()).count())
                .isZero();
    }

    @Test
    @DisplayName("the data protection officer erases a finished client everywhere; refused while a referral is open; reads and erasures are audited")
    void erasure() throws Exception {
        ProcessInstance referral = refer(client);
        authorise(referral, 1);
        Long id = referrals.getByNumber(referral.getBusinessKey()).getServiceUser().getId();
        // Before the filter existed, or under a name nobody declared: history that names the client anyway.
        runtimeService.setVariable(referral.getId(), "staffNote", "Phoned " + client.name());
        Task booking = scenario.task(referral, "Task_BookAppointment");
        scenario.as(Journeys.COORDINATOR, () -> taskService.createComment(booking.getId(), referral.getId(),
                "Left a message for " + client.name() + " on " + client.phone()));

        ResponseEntity<Map> read = rest.withBasicAuth(Journeys.COORDINATOR, Journeys.COORDINATOR)
                .getForEntity("/api/service-users/" + id, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("fullName", client.name()).containsEntry("phone", client.phone());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT user_id FROM personal_data_access_log WHERE record_id = ?",
                String.class, id)).containsExactly(Journeys.COORDINATOR);
        String stranger = scenario.world(LocalDate.of(2026, 7, 1)).commissioner(); // another organisation's staff
        assertThat(rest.withBasicAuth(stranger, stranger).getForEntity("/api/service-users/" + id, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(world.commissioner(), world.commissioner())
                .getForEntity("/api/service-users/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(delete(world.commissioner(), id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> open = delete(DPO, id);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) open.getBody().get("message")).contains("open referral", referral.getBusinessKey());

        attendedSession(referral, "2026-07-10T10:00");
        submit(Journeys.COORDINATOR, referral, "Task_CollectShortEvaluation", Map.of("clientDeclinedEvaluation", false,
                "benefitRating", 4, "evaluationComments", client.evaluation()));
        journeys.invoiceRun(2026, 2);
        assertThat(EveryColumn.search(dataSource, null, client.name())).as("before erasure").isNotEmpty();

        ResponseEntity<Map> erased = delete(DPO, id);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("historyInstancesRemoved", 1);

        assertThat(EveryColumn.search(dataSource, null, client.everything())).as("every table after erasure").isEmpty();
        Referral kept = referrals.getByNumber(referral.getBusinessKey());
        assertThat(kept.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(kept.getServiceUser().getErasedAt()).isNotNull();
        assertThat(invoices.get("INV-" + world.organisation().getCode() + "-2026Q2").getLines())
                .extracting(InvoiceLine::getReferralNumber).containsExactly(referral.getBusinessKey());
        assertThat(jdbc.queryForMap("SELECT erased_by, record_type, referrals_anonymised FROM erasure_log"
                + " WHERE record_id = ?", id)).containsEntry("ERASED_BY", DPO).containsEntry("RECORD_TYPE", "service_user")
                .containsEntry("REFERRALS_ANONYMISED", 1);
    }

    private ProcessInstance refer(Client who) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("referral")
                .latestVersion().singleResult().getId();
        // As Tasklist's start form submits it.
        return scenario.as(world.commissioner(), () -> formService.submitStartForm(definition, Map.of(
                "serviceUserName", who.name(), "membershipNumber", who.membership(), "serviceUserPhone", who.phone(),
                "serviceUserEmail", who.email(), "referralReason", who.reason())));
    }

    private void authorise(ProcessInstance referral, int treatments) {
        submit(world.commissioner(), referral, "Task_ConfirmEligibility", Map.of("eligibilityConfirmed", true,
                "treatmentsAuthorised", treatments, "clientContributionPounds", 5.0));
        scenario.executeDueJobs(referral.getId());
    }

    private void attendedSession(ProcessInstance referral, String at) {
        submit(Journeys.COORDINATOR, referral, "Task_BookAppointment",
                Map.of("therapistId", therapist.getId().toString(), "appointmentAt", at));
        scenario.executeDueJobs(referral.getId());
        submit(Journeys.COORDINATOR, referral, "Task_RecordSessionOutcome",
                Map.of("sessionOutcome", "attended", "outcomeNotes", client.notes()));
        if (scenario.task(referral, "Task_RecordTreatmentDiary") != null) {
            submit(Journeys.COORDINATOR, referral, "Task_RecordTreatmentDiary",
                    Map.of("diaryEntry", client.diary(), "wellbeingScore", 7));
        }
    }

    /** Submits a task's form as Tasklist does (form submissions are what history records as form fields). */
    private void submit(String userId, ProcessInstance instance, String taskKey, Map<String, Object> form) {
        Task task = scenario.task(instance, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        scenario.as(userId, () -> {
            formService.submitTaskForm(task.getId(), new HashMap<>(form));
            return null;
        });
    }

    private ResponseEntity<Map> delete(String userId, Long id) {
        return rest.withBasicAuth(userId, userId).exchange("/api/service-users/" + id, HttpMethod.DELETE, null,
                Map.class);
    }

    private void runCleanup() {
        Job job = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(job.getId());
    }

    /** A client whose details are unique in the shared test database, so a search finds only theirs. */
    record Client(String name, String membership, String phone, String email, String reason, String notes,
            String diary, String evaluation) {

        static Client unique(String code) {
            String digits = String.format("%05d", Math.abs(code.hashCode()) % 100000);
            return new Client("Ottoline Quarrendon-" + code, "MQ-" + code, "07700 9" + digits,
                    "ottoline." + code.toLowerCase() + "@client.example", "Bereavement stress " + code,
                    "Outcome note " + code, "Diary entry " + code, "Evaluation comment " + code);
        }

        String[] everything() {
            return new String[] {name, membership, phone, email, reason, notes, diary, evaluation};
        }
    }
}
