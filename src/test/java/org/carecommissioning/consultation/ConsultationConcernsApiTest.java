package org.carecommissioning.consultation;

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
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * U4 on the whole application (H2, authorizations on): the officer flags, for a recorded answer set, a safeguarding
 * concern and an adverse comment raised anonymously as a complaint; each starts consultation-escalation, the
 * safeguarding task waits for the SP manager due the same day and the complaint's for the contracts manager. Only the
 * consultation's officer and contracts managers flag (403 for others), a complaint by name needs the consent reference
 * (400), and the concern's text is in no process variable or history entry.
 */
@ApplicationTest
class ConsultationConcernsApiTest {

    private static final String CONCERN = "Unique-safeguarding-text: a resident fears a carer";
    private static final String COMMENT = "Unique-adverse-comment: meals are often cold";

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

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private ResponseEntity<String> post(String userId, String path, Map<String, Object> body) {
        return rest.withBasicAuth(userId, userId).postForEntity(path, new HashMap<>(body), String.class);
    }
}
