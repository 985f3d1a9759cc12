package org.carecommissioning.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.consultation.ConsultedService;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.EmbeddedDatabase;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestClock;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service-user consultation on the postgres profile against real PostgreSQL (V13, V14, V15 and V18 migrations):
 * planned, proposed and agreed as individual interviews, two participants' consents and answers, one withdrawal (U3:
 * the answers are gone from answer, answer_set and the engine's history), an anonymous complaint and a safeguarding
 * concern escalated with their due dates and closed with their outcomes (U4), and no participant's name in any
 * process variable or history row.
 */
@ExtendWith(TestSmtp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class ConsultationPostgresIT {

    private static final String PARTICIPANT = "Ophelia Postgres-Participant";
    private static final String CARER = "Barnaby Postgres-Carer";
    private static final String WITHDRAWN = "Ignatius Postgres-Withdrawer";
    private static final String WITHDRAWN_ANSWER = "Unique-withdrawn-answer-on-postgres: the night staff shout";
    private static final String KEPT_ANSWER = "Unique-kept-answer-on-postgres: the staff are kind";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("U2, U3, U4 on PostgreSQL: an interview consultation with one withdrawal (answers gone from every table),"
            + " an anonymous complaint and a safeguarding concern with due dates and outcomes; no name in any variable"
            + " or history row")
    void interviewConsultation() {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "PG");
        String code = world.code();
        String officer = world.officer();
        String manager = world.manager();
        String spManager = world.spManager();
        String serviceCode = world.serviceCode();

        // U1, U2: planned from the start form, proposed and agreed as individual interviews
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                "service-user-consultation", Map.of("serviceCode", serviceCode)));
        String reference = instance.getBusinessKey();
        scenario.complete(officer, instance, "Task_ProposeApproach", Map.of("consultationMethod",
                "INDIVIDUAL_INTERVIEW", "serviceUsers", 12L));
        assertThat(jdbc.queryForObject("SELECT minimum_to_contact FROM consultation WHERE reference = ?",
                Integer.class, reference)).as("U2: 11-20 users, 5 to contact").isEqualTo(5);
        scenario.complete(manager, instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        assertThat(scenario.task(instance, "Task_RecordMeeting")).isNotNull();

        // U3: the interviews on 10 June: two consents and their answers; one participant withdraws
        Scenario.now(LocalDateTime.of(2027, 6, 10, 16, 0));
        String path = "/api/consultations/" + reference;
        String keptRef = consent(officer, path, Map.of("signedByServiceUser", true, "carerSigned", true, "signedOn",
                "2027-06-10", "participantName", PARTICIPANT, "carerName", CARER));
        String withdrawnRef = consent(officer, path, Map.of("signedByServiceUser", true, "signedOn", "2027-06-10",
                "participantName", WITHDRAWN));
        answers(officer, path, keptRef, KEPT_ANSWER);
        answers(officer, path, withdrawnRef, WITHDRAWN_ANSWER);
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", WITHDRAWN_ANSWER)).isEqualTo(1);

        assertThat(post(manager, path + "/consents/" + withdrawnRef + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post(manager, path + "/consents/" + withdrawnRef + "/withdrawal", Map.of()).getStatusCode())
                .as("a second withdrawal").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", WITHDRAWN_ANSWER)).isZero();
        assertThat(count("SELECT COUNT(*) FROM answer_set WHERE consent_reference = ?", withdrawnRef)).isZero();
        assertThat(count("SELECT COUNT(*) FROM consent_record WHERE consent_reference = ? AND withdrawn_at IS NOT NULL"
                + " AND participant_name IS NULL", withdrawnRef)).as("withdrawal kept, name erased").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM answer WHERE answer_text = ?", KEPT_ANSWER)).isEqualTo(1);

        // U4: an adverse answer raised as an anonymous complaint, and a safeguarding concern
        ResponseEntity<List> raised = rest.withBasicAuth(officer, officer).postForEntity(path + "/concerns",
                new HashMap<>(Map.of("consentReference", keptRef, "adverseComment", "Unique-pg-comment: meals cold",
                        "complaint", "ANONYMOUS", "safeguardingConcern", "Unique-pg-concern: a fall not reported")),
                List.class);
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task act = taskService.createTaskQuery().processInstanceBusinessKey(reference + "-E1").singleResult();
        assertThat(act.getTaskDefinitionKey()).isEqualTo("Task_ActOnSafeguarding");
        assertThat(act.getDueDate()).isEqualTo(TestClock.london("2027-06-10T23:59:59"));
        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(reference + "-E2").singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("Task_HandleComplaint");
        assertThat(handle.getDueDate()).isEqualTo(TestClock.london("2027-06-24T23:59:59"));
        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE reference = ? AND consent_reference IS NULL",
                reference + "-E2")).as("an anonymous complaint keeps no consent reference").isEqualTo(1);

        // U4: each closed with its outcome (V18)
        complete(spManager, act, Map.of("safeguardingAction", "REFERRED_TO_SAFEGUARDING_TEAM", "outcomeNote",
                "Unique-pg-outcome: referred the same day", "actedOn", "2027-06-10"));
        scenario.executeDueJobs(act.getProcessInstanceId());
        complete(manager, handle, Map.of("complaintCaseReference", "CP-" + code, "handedOverOn", "2027-06-10"));
        assertThat(jdbc.queryForList("SELECT outcome FROM consultation_concern WHERE reference LIKE ? ORDER BY"
                + " reference", String.class, reference + "-E%")).containsExactly("REFERRED_TO_SAFEGUARDING_TEAM",
                "HANDED_TO_COMPLAINTS_PROCEDURE");

        scenario.complete(officer, instance, "Task_RecordMeeting", Map.of("lastMeetingDate", "2027-06-10",
                "everyParticipantConsented", true));
        assertThat(scenario.task(instance, "Task_WriteReport")).isNotNull();

        // U3, U4: the withdrawn answer, the names and the free text in no variable or history row
        for (String text : List.of(WITHDRAWN_ANSWER, KEPT_ANSWER, PARTICIPANT, CARER, WITHDRAWN, "Unique-pg-")) {
            for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
                assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
                        "%" + text + "%", "%" + text + "%")).as(text + " in " + table).isZero();
            }
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE ORG_VALUE_ LIKE ? OR NEW_VALUE_ LIKE ?",
                    "%" + text + "%", "%" + text + "%")).as(text + " in ACT_HI_OP_LOG").isZero();
            assertThat(count("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE POSITION(CONVERT_TO(?, 'UTF8') IN BYTES_) > 0",
                    text)).as(text + " in ACT_GE_BYTEARRAY").isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM consent_record WHERE participant_name = ?", PARTICIPANT))
                .as("the name is on the consent record only").isEqualTo(1);
    }

    private String consent(String userId, String path, Map<String, Object> form) {
        ResponseEntity<Map> consent = post(userId, path + "/consents", form);
        assertThat(consent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) consent.getBody().get("consentReference");
    }

    private void answers(String userId, String path, String consentRef, String text) {
        assertThat(post(userId, path + "/answers", Map.of("consentReference", consentRef, "answers", List.of(
                Map.of("questionCode", "Q1", "text", text), Map.of("questionCode", "Q2", "declined", true))))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private void complete(String userId, Task task, Map<String, Object> form) {
        scenario.as(userId, () -> {
            taskService.complete(task.getId(), new HashMap<>(form));
            return null;
        });
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String userId, String path, Map<String, Object> body) {
        return rest.withBasicAuth(userId, userId).postForEntity(path, new HashMap<>(body), Map.class);
    }
}
