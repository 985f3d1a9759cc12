package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * U4 on the whole application (H2, authorizations on): the officer flags, for a recorded answer set, a safeguarding
 * concern and an adverse comment raised anonymously as a complaint; each starts consultation-escalation, the
 * safeguarding task waits for the SP manager due the same day and the complaint's for the contracts manager. Only the
 * consultation's officer and contracts managers flag (403 for others), a complaint by name needs the consent reference
 * (400), and the concern's text is in no process variable or history entry. Each task's form then closes its concern
 * with the outcome (bad input 400, the task stays open and nothing is written), shown by the concern's GET.
 */
@ApplicationTest
class ConsultationConcernsApiTest {

    private static final String CONCERN = "Unique-safeguarding-text: a resident fears a carer";
    private static final String COMMENT = "Unique-adverse-comment: meals are often cold";
    private static final String NOTE = "Unique-outcome-note: referred by phone, strategy meeting booked";

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

    String serviceCode;
    String officer;
    String manager;
    String spManager;
    String otherOfficer;
    String providerUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "CC");
        serviceCode = world.serviceCode();
        officer = world.officer();
        manager = world.manager();
        spManager = world.spManager();
        otherOfficer = world.otherOfficer();
        providerUser = world.providerUser();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("U4: the officer flags a safeguarding concern and an anonymous complaint: tasks for the SP manager"
            + " (due today) and the contracts manager; 403 for others; a named complaint without consent reference 400")
    void flagConcerns() {
        String reference = consultationWithAnswers();
        String path = "/api/consultations/" + reference;
        String consentRef = consentOf(reference);

        Map<String, Object> flags = Map.of("consentReference", consentRef, "adverseComment", COMMENT,
                "complaint", "ANONYMOUS", "safeguardingConcern", CONCERN);
        assertThat(post(providerUser, path + "/concerns", flags).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(otherOfficer, path + "/concerns", flags).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(officer, path + "/concerns", Map.of("adverseComment", COMMENT, "complaint", "NAMED"))
                .getStatusCode()).as("named complaint without consent reference").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(officer, path + "/concerns", Map.of("consentReference", "CR-2222-3333", "safeguardingConcern",
                CONCERN)).getStatusCode()).as("no answers for that consent").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE description LIKE 'Unique-%'"
                + " AND reference LIKE ?", reference + "%")).isZero();

        ResponseEntity<List> raised = rest.withBasicAuth(officer, officer).postForEntity(path + "/concerns",
                new HashMap<>(flags), List.class);
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(raised.getBody()).hasSize(2);
        String safeguardingRef = reference + "-E1";
        String complaintRef = reference + "-E2";

        Task act = taskService.createTaskQuery().processInstanceBusinessKey(safeguardingRef).singleResult();
        assertThat(act.getTaskDefinitionKey()).isEqualTo("Task_ActOnSafeguarding");
        assertThat(act.getDueDate()).isEqualTo(TestClock.london("2027-06-10T23:59:59"));
        assertThat(scenario.as(spManager, () -> taskService.createTaskQuery().taskCandidateUser(spManager)
                .processInstanceBusinessKey(safeguardingRef).count())).isEqualTo(1);
        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(complaintRef).singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("Task_HandleComplaint");
        // Decision: 10 working days after Thu 10 June 2027
        assertThat(handle.getDueDate()).isEqualTo(TestClock.london("2027-06-24T23:59:59"));
        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE reference = ? AND consent_reference IS NULL",
                complaintRef)).as("an anonymous complaint keeps no consent reference").isEqualTo(1);

        ResponseEntity<Map> read = rest.withBasicAuth(spManager, spManager).getForEntity(
                "/api/consultation-concerns/" + safeguardingRef, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("description")).isEqualTo(CONCERN);
        assertThat(rest.withBasicAuth(providerUser, providerUser).getForEntity("/api/consultation-concerns/"
                + safeguardingRef, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        scenario.executeDueJobs(act.getProcessInstanceId());
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?", "%Unique-%",
                    "%Unique-%")).as(table).isZero();
        }
    }

    @Test
    @DisplayName("U4: the SP manager records the safeguarding action and the contracts manager the complaint's handover;"
            + " no reason for no further action, too long or a future date is 400 with nothing written; the GET shows"
            + " the outcome; the account is in no history entry")
    void recordOutcomes() {
        String reference = consultationWithAnswers();
        assertThat(post(officer, "/api/consultations/" + reference + "/concerns", Map.of("consentReference",
                consentOf(reference), "adverseComment", COMMENT, "complaint", "ANONYMOUS", "safeguardingConcern",
                CONCERN)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String safeguardingRef = reference + "-E1";
        String complaintRef = reference + "-E2";
        Scenario.now(LocalDateTime.of(2027, 6, 11, 10, 0));
        Task act = taskService.createTaskQuery().processInstanceBusinessKey(safeguardingRef).singleResult();

        ResponseEntity<String> future = rest.withBasicAuth(spManager, spManager).postForEntity("/engine-rest/task/"
                + act.getId() + "/submit-form", json("{\"variables\":{\"safeguardingAction\":{\"value\":"
                + "\"REPORTED_TO_POLICE\"},\"actedOn\":{\"value\":\"2027-06-12\"}}}"), String.class);
        assertThat(future.getStatusCode()).as(future.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("is in the future");
        assertThatThrownBy(() -> complete(spManager, act, Map.of("safeguardingAction", "NO_FURTHER_ACTION",
                "actedOn", "2027-06-10"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Say why no further action");
        assertThatThrownBy(() -> complete(spManager, act, Map.of("safeguardingAction", "REPORTED_TO_POLICE",
                "outcomeNote", "x".repeat(2001), "actedOn", "2027-06-10"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("the limit is 2000 characters");
        assertThatThrownBy(() -> complete(spManager, act, Map.of("safeguardingAction", "REPORTED_TO_POLICE",
                "actedOn", "2027-06-09"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("before the concern was raised");
        assertThat(count("SELECT COUNT(*) FROM consultation_concern WHERE reference LIKE ? AND outcome IS NULL"
                + " AND outcome_note IS NULL AND closed_at IS NULL", reference + "%")).as("nothing written").isEqualTo(2);
        assertThat(taskService.createTaskQuery().taskId(act.getId()).count()).as("the task stays open").isEqualTo(1);

        complete(spManager, act, Map.of("safeguardingAction", "REFERRED_TO_SAFEGUARDING_TEAM", "outcomeNote", NOTE,
                "actedOn", "2027-06-10"));
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
                    "%Unique-outcome-note%", "%Unique-outcome-note%")).as("while the e-mail is pending: " + table)
                    .isZero();
        }
        scenario.executeDueJobs(act.getProcessInstanceId());
        Map<?, ?> safeguarding = concernAs(manager, safeguardingRef);
        assertThat(safeguarding.get("outcome")).isEqualTo("REFERRED_TO_SAFEGUARDING_TEAM");
        assertThat(safeguarding.get("outcomeNote")).isEqualTo(NOTE);
        assertThat(safeguarding.get("actedOn")).isEqualTo("2027-06-10");
        assertThat(safeguarding.get("closedBy")).isEqualTo(spManager);
        assertThat(safeguarding.get("complaintCaseReference")).isNull();

        Task handle = taskService.createTaskQuery().processInstanceBusinessKey(complaintRef).singleResult();
        assertThatThrownBy(() -> complete(manager, handle, Map.of("handedOverOn", "2027-06-11")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("complaints procedure's reference");
        assertThatThrownBy(() -> complete(manager, handle, Map.of("complaintCaseReference", "C".repeat(41),
                "handedOverOn", "2027-06-11"))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("the limit is 40 characters");
        assertThat(concernAs(manager, complaintRef).get("outcome")).isNull();
        complete(manager, handle, Map.of("complaintCaseReference", "CP-2027-0042", "handedOverOn", "2027-06-11"));
        Map<?, ?> complaint = concernAs(spManager, complaintRef);
        assertThat(complaint.get("outcome")).isEqualTo("HANDED_TO_COMPLAINTS_PROCEDURE");
        assertThat(complaint.get("complaintCaseReference")).isEqualTo("CP-2027-0042");
        assertThat(complaint.get("actedOn")).isEqualTo("2027-06-11");
        assertThat(complaint.get("closedBy")).isEqualTo(manager);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(reference + "-E%")
                .count()).as("both escalations ended").isZero();

        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
                    "%Unique-outcome-note%", "%Unique-outcome-note%")).as(table).isZero();
        }
    }

    /** A small-group consultation held on Thu 10 June 2027 with one participant's consent and answers recorded. */
    private String consultationWithAnswers() {
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", serviceCode)));
        String reference = instance.getBusinessKey();
        scenario.complete(officer, instance, "Task_ProposeApproach", Map.of("consultationMethod", "SMALL_GROUP",
                "serviceUsers", 12L));
        scenario.complete(manager, instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        Scenario.now(LocalDateTime.of(2027, 6, 10, 16, 0));
        String path = "/api/consultations/" + reference;
        String consentRef = (String) rest.withBasicAuth(officer, officer).postForEntity(path + "/consents",
                new HashMap<>(Map.of("signedByServiceUser", true, "signedOn", "2027-06-10", "participantName",
                        "Quentin Unique-Participant")), Map.class).getBody().get("consentReference");
        assertThat(post(officer, path + "/answers", Map.of("consentReference", consentRef, "answers",
                List.of(Map.of("questionCode", "Q1", "text", "Not happy.")))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return reference;
    }

    private String consentOf(String reference) {
        return jdbc.queryForObject("SELECT a.consent_reference FROM answer_set a JOIN consultation c"
                + " ON c.id = a.consultation_id WHERE c.reference = ?", String.class, reference);
    }

    private void complete(String userId, Task task, Map<String, Object> form) {
        scenario.as(userId, () -> {
            taskService.complete(task.getId(), new HashMap<>(form));
            return null;
        });
    }

    private Map<?, ?> concernAs(String userId, String concernReference) {
        ResponseEntity<Map> read = rest.withBasicAuth(userId, userId).getForEntity("/api/consultation-concerns/"
                + concernReference, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private ResponseEntity<String> post(String userId, String path, Map<String, Object> body) {
        return rest.withBasicAuth(userId, userId).postForEntity(path, new HashMap<>(body), String.class);
    }
}
