package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
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
 * The consultation's consent and answers API on the whole application (H2, authorizations on), inside a running
 * service-user-consultation process: U3 (no answers without a signed consent; a withdrawal deletes the answers and
 * is refused twice), least privilege (only the consultation's own officer and contracts managers; 403 for a provider
 * user or another officer; an unknown consultation 400 before any 403, and a provider user cannot tell it from another
 * provider's), the bad input of issue 11 that these endpoints take (nothing half-written), and U4 (no participant's
 * or carer's name in any process variable or history entry); and a questionnaire consultation with the real delegates
 * from start to report issued (U4, U6).
 */
@ApplicationTest
class ConsultationApiTest {

    private static final String PARTICIPANT = "Zelda Quixotic-Participant";
    private static final String CARER = "Yannick Carer-Unique";
    private static final String WITHDRAWN = "Xavier Withdrawer-Unique";
    private static final String BAD_INPUT_PARTICIPANT = "Wendy Refused-Unique";

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Consultations consultations;

    String code;
    String serviceCode;
    String officer;
    String manager;
    String otherOfficer;
    String providerUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        ConsultedService world = ConsultedService.create(scenario, organisations, services, "CA");
        code = world.code();
        serviceCode = world.serviceCode();
        officer = world.officer();
        manager = world.manager();
        otherOfficer = world.otherOfficer();
        providerUser = world.providerUser();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("U3, U4: consents, answers and a withdrawal by the officer; 403 for a provider user and another"
            + " officer; answers without consent refused; no name in any process variable or history entry")
    void consentAnswersAndWithdrawal() {
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", serviceCode)));
        String reference = instance.getBusinessKey();
        assertThat(reference).startsWith("SUC-" + serviceCode + "-2027");
        scenario.complete(officer, instance, "Task_ProposeApproach", Map.of("consultationMethod", "SMALL_GROUP",
                "serviceUsers", 12L));
        scenario.complete(manager, instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        assertThat(scenario.task(instance, "Task_RecordMeeting")).isNotNull();
        // U3: the month's notice runs to 3 June; the meeting is held on 10 June
        Scenario.now(LocalDateTime.of(2027, 6, 10, 16, 0));

        // U3: the officer cannot confirm the meeting before any consent and answers are recorded
        Map<String, Object> held = Map.of("lastMeetingDate", "2027-06-10", "everyParticipantConsented", true);
        assertThatThrownBy(() -> scenario.complete(officer, instance, "Task_RecordMeeting", held))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("No participant's signed consent");

        String path = "/api/consultations/" + reference;
        Map<String, Object> form = Map.of("signedByServiceUser", true, "carerSigned", true, "signedOn",
                "2027-05-03", "participantName", PARTICIPANT, "carerName", CARER);
        assertThat(post(providerUser, path + "/consents", form).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(otherOfficer, path + "/consents", form).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> consent = post(officer, path + "/consents", form);
        assertThat(consent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String consentRef = (String) consent.getBody().get("consentReference");
        assertThat(consentRef).matches(Consultations.CONSENT_REFERENCE);
        assertThat(consent.getBody().toString()).doesNotContain(PARTICIPANT).doesNotContain(CARER);

        List<Map<String, Object>> answers = List.of(Map.of("questionCode", "Q1", "text", "The staff are kind."),
                Map.of("questionCode", "Q2", "declined", true));
        assertThat(post(officer, path + "/answers", Map.of("consentReference", "CR-2222-3333", "answers", answers))
                .getStatusCode()).as("answers without a consent").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(officer, path + "/answers", Map.of("answers", answers)).getStatusCode())
                .as("answers without a consent reference").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(providerUser, path + "/answers", Map.of("consentReference", consentRef, "answers", answers))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(officer, path + "/answers", Map.of("consentReference", consentRef, "answers", answers))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // a second participant withdraws after the interview: the answers are deleted, a second withdrawal refused
        String withdrawnRef = (String) post(manager, path + "/consents", Map.of("signedByServiceUser", true,
                "signedOn", "2027-05-03", "participantName", WITHDRAWN)).getBody().get("consentReference");
        assertThat(post(manager, path + "/answers", Map.of("consentReference", withdrawnRef, "answers",
                List.of(Map.of("questionCode", "Q1", "text", "Unique withdrawn answer text.")))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(otherOfficer, path + "/consents/" + withdrawnRef + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(officer, path + "/consents/" + withdrawnRef + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post(officer, path + "/consents/" + withdrawnRef + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM answer WHERE answer_text LIKE 'Unique withdrawn%'",
                Long.class)).isZero();

        // names only for the officer and the contracts manager
        assertThat(rest.withBasicAuth(providerUser, providerUser).getForEntity(path + "/consents", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> list = rest.withBasicAuth(manager, manager).getForEntity(path + "/consents",
                String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains(PARTICIPANT, CARER).doesNotContain(WITHDRAWN);

        scenario.complete(officer, instance, "Task_RecordMeeting", held);
        assertThat(scenario.task(instance, "Task_WriteReport")).isNotNull();

        // U4: no participant's or carer's name in any process variable or history entry
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            for (String name : List.of(PARTICIPANT, CARER, WITHDRAWN)) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
                        Long.class, "%" + name + "%", "%" + name + "%")).as(name + " in " + table).isZero();
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record WHERE participant_name = ?", Long.class,
                PARTICIPANT)).as("the name is on the consent record only").isEqualTo(1L);
    }

    @Test
    @DisplayName("U4, U6: a questionnaire consultation from start to report issued: anonymous questionnaires over the"
            + " API, no consent forms, the report approved, e-mailed and kept out of history")
    void questionnaireConsultation() {
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", serviceCode)));
        String reference = instance.getBusinessKey();
        scenario.complete(officer, instance, "Task_ProposeApproach", Map.of("consultationMethod", "QUESTIONNAIRE",
                "serviceUsers", 600L));
        assertThat(consultations.get(reference).getMinimumToContact()).as("U2: 5% of 600").isEqualTo(30);
        scenario.complete(manager, instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        // X1: due by the end of the closing date, 4 weeks after the provider's e-mail
        assertThat(scenario.task(instance, "Task_RecordQuestionnaires").getDueDate()).isEqualTo(Date.from(
                LocalDate.of(2027, 5, 31).atTime(23, 59, 59).atZone(Scenario.LONDON).toInstant()));

        String path = "/api/consultations/" + reference;
        List<Map<String, Object>> answers = List.of(Map.of("questionCode", "Q1", "text", "Good support."));
        assertThat(post(providerUser, path + "/questionnaires", Map.of("answers", answers)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(officer, path + "/questionnaires", Map.of("answers", answers)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(officer, path + "/questionnaires", Map.of("answers", List.of())).getStatusCode())
                .as("an empty questionnaire").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(officer, path + "/consents", Map.of("signedByServiceUser", true, "signedOn", "2027-05-03",
                "participantName", PARTICIPANT)).getStatusCode()).as("no consent forms for questionnaires")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(consultations.answers(reference)).hasSize(1)
                .allSatisfy(set -> assertThat(set.getConsentReference()).isNull());

        Scenario.now(LocalDateTime.of(2027, 6, 1, 9, 0));
        scenario.complete(officer, instance, "Task_RecordQuestionnaires", Map.of("allQuestionnairesRecorded", true));
        String report = "Report " + code + ": users value the support.";
        scenario.complete(officer, instance, "Task_WriteReport", Map.of("reportHeadline", "Users value the support",
                "reportText", report));
        scenario.complete(manager, instance, "Task_ApproveReport", Map.of("reportDecision", "approve"));
        scenario.executeDueJobs(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.REPORT_ISSUED);
        assertThat(consultations.get(reference).getReportIssuedOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ?", Long.class,
                "%" + report + "%")).as("the report is kept out of history").isZero();
    }

    @Test
    @DisplayName("U3 bad input over the API: an unknown consultation is 400 before any 403; a provider user gets the same"
            + " 403 for an unknown reference and another provider's consultation; a consent of another consultation"
            + " and a second withdrawal are 400; nothing is half-written")
    void badInputAndAccess() {
        String reference = agreedSmallGroup(officer, manager, serviceCode);
        ConsultedService other = ConsultedService.create(scenario, organisations, services, "CX");
        String otherReference = agreedSmallGroup(other.officer(), other.manager(), other.serviceCode());
        Scenario.now(LocalDateTime.of(2027, 6, 10, 16, 0));
        String path = "/api/consultations/" + reference;
        Map<String, Object> consentForm = Map.of("signedByServiceUser", true, "signedOn", "2027-06-10",
                "participantName", BAD_INPUT_PARTICIPANT);
        String consentRef = (String) post(officer, path + "/consents", consentForm).getBody().get("consentReference");
        List<Map<String, Object>> answers = List.of(Map.of("questionCode", "Q1", "text", "Fine."));
        assertThat(post(officer, path + "/answers", Map.of("consentReference", consentRef, "answers", answers))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String otherConsent = (String) post(other.officer(), "/api/consultations/" + otherReference + "/consents",
                consentForm).getBody().get("consentReference");

        // an unknown consultation is a 400 for the officer and the manager, on every endpoint, before any 403
        String unknown = "SUC-NOPE" + code + "-2027";
        for (String user : List.of(officer, manager)) {
            for (ResponseEntity<Map> response : everyEndpoint(user, unknown, consentRef)) {
                assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getBody().get("detail")).isEqualTo("U1: There is no consultation with reference "
                        + unknown + ".");
            }
        }
        // Decision: a provider's staff get the same 403 for an unknown reference and another provider's consultation
        List<ResponseEntity<Map>> unknownToProvider = everyEndpoint(providerUser, unknown, otherConsent);
        List<ResponseEntity<Map>> otherToProvider = everyEndpoint(providerUser, otherReference, otherConsent);
        for (int i = 0; i < unknownToProvider.size(); i++) {
            assertThat(unknownToProvider.get(i).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(otherToProvider.get(i).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(otherToProvider.get(i).getBody().get("detail")).as("indistinguishable")
                    .isEqualTo(unknownToProvider.get(i).getBody().get("detail"));
        }

        // a consent of another consultation: no answers, no withdrawal, no concern through this one
        assertThat(post(officer, path + "/answers", Map.of("consentReference", otherConsent, "answers", answers))
                .getBody().get("detail").toString()).contains("was given for another consultation");
        assertThat(post(officer, path + "/consents/" + otherConsent + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(officer, path + "/concerns", Map.of("consentReference", otherConsent, "safeguardingConcern",
                "A concern.")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("SELECT COUNT(*) FROM answer_set WHERE consent_reference = ?", otherConsent)).isZero();
        assertThat(count("SELECT COUNT(*) FROM consent_record WHERE consent_reference = ? AND withdrawn_at IS NULL"
                + " AND participant_name = ?", otherConsent, BAD_INPUT_PARTICIPANT)).as("untouched").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM consultation_concern c JOIN consultation k ON k.id = c.consultation_id"
                + " WHERE k.reference IN (?, ?)", reference, otherReference)).isZero();

        // a second withdrawal is refused and changes nothing
        assertThat(post(manager, path + "/consents/" + consentRef + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String withdrawal = "SELECT withdrawn_at, withdrawal_recorded_by FROM consent_record WHERE consent_reference = ?";
        Map<String, Object> first = jdbc.queryForMap(withdrawal, consentRef);
        Scenario.now(LocalDateTime.of(2027, 6, 11, 9, 0));
        ResponseEntity<Map> again = post(officer, path + "/consents/" + consentRef + "/withdrawal", Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().get("detail").toString()).contains("was already withdrawn on 2027-06-10");
        assertThat(jdbc.queryForMap(withdrawal, consentRef)).isEqualTo(first);
    }

    /** A small-group consultation of the service, its approach agreed, waiting for the meetings. */
    private String agreedSmallGroup(String officerId, String managerId, String service) {
        ProcessInstance instance = scenario.as(officerId, () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", service)));
        scenario.complete(officerId, instance, "Task_ProposeApproach", Map.of("consultationMethod", "SMALL_GROUP",
                "serviceUsers", 12L));
        scenario.complete(managerId, instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        return instance.getBusinessKey();
    }

    /** Each endpoint of ConsultationController for one consultation reference, as the user, with valid bodies. */
    @SuppressWarnings("rawtypes")
    private List<ResponseEntity<Map>> everyEndpoint(String userId, String reference, String consentRef) {
        String path = "/api/consultations/" + reference;
        List<Map<String, Object>> answers = List.of(Map.of("questionCode", "Q9", "text", "Good."));
        return List.of(
                post(userId, path + "/consents", Map.of("signedByServiceUser", true, "signedOn", "2027-06-10",
                        "participantName", BAD_INPUT_PARTICIPANT)),
                rest.withBasicAuth(userId, userId).getForEntity(path + "/consents", Map.class),
                post(userId, path + "/answers", Map.of("consentReference", consentRef, "answers", answers)),
                post(userId, path + "/questionnaires", Map.of("answers", answers)),
                post(userId, path + "/consents/" + consentRef + "/withdrawal", Map.of()),
                post(userId, path + "/concerns", Map.of("consentReference", consentRef, "safeguardingConcern",
                        "A concern.")));
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String userId, String path, Map<String, Object> body) {
        return rest.withBasicAuth(userId, userId).postForEntity(path, new HashMap<>(body), Map.class);
    }
}
