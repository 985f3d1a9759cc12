package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestSmtp;
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

/**
 * qaf-return on the whole application (H2, GreenMail, authorizations on): issued by the purchasing officer, the
 * provider's own staff alone see and complete the self-assessment over REST, a claim without evidence is a 400 with
 * the caseworker's sentence (Q3), the review asks the real qaf-validation-visit table, and the evidence never reaches
 * history.
 */
@ApplicationTest
class QafReturnLifecycleTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    QafReturns returns;
    @Autowired
    TestRestTemplate rest;

    String code;
    Organisation provider;
    String officer;
    String providerUser;
    String otherProviderUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 2, 9, 0));
        code = Scenario.uniqueCode("QL");
        provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        Organisation other = scenario.asSystem(() -> organisations.registerProvider(code + "Z", "Other " + code,
                code.toLowerCase() + "z@p.example"));
        officer = "qaf-po-" + code.toLowerCase();
        providerUser = "qaf-prov-" + code.toLowerCase();
        otherProviderUser = "qaf-other-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", other.getGroupId());
        scenario.asSystem(() -> services.register("S" + code, "Service " + code, code, "Older people",
                "Sheltered housing", PriorityLevel.GREEN, officer, LocalDate.of(2027, 2, 1)));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Q2 Q3 Q4 Q5 Q7 X2 issued, refused without evidence (400), self-assessed by the provider only, concerns lead to a visit, grades agreed")
    void lifecycle() throws Exception {
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("qaf-return",
                Map.of("serviceCode", "S" + code, "qafVariant", "FULL", "meetingDate", "2027-02-01")));
        String reference = "QAF-S" + code + "-2026-1";
        assertThat(instance.getBusinessKey()).isEqualTo(reference);
        scenario.executeDueJobs(instance.getId());
        assertThat(subjectsTo(provider.getEmail())).containsExactly(
                reference + ": Service " + code + ", 2026/27 self-assessment due Mon 21 Dec 2026");

        String taskId = scenario.task(instance, "Task_CompleteSelfAssessment").getId();
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", List.class, reference)
                .getBody()).as("another provider's staff do not see it").isEmpty();
        assertThat(rest.withBasicAuth(providerUser, providerUser)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", List.class, reference)
                .getBody()).hasSize(1);

        Map<String, Object> form = selfAssessment();
        form.put("c13Claimed", "B");
        form.put("c13EvidenceB", "\u2714");
        ResponseEntity<String> refused = complete(providerUser, taskId, form);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("C1.3 Security, health and safety claims B: give written evidence for"
                + " grade B.").contains("(Q3)").doesNotContain("Exception");
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.ISSUED);
        assertThat(complete(otherProviderUser, taskId, selfAssessment()).getStatusCode().is2xxSuccessful()).isFalse();

        ResponseEntity<String> accepted = complete(providerUser, taskId, selfAssessment());
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.SUBMITTED);

        Map<String, Object> review = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> review.put(fields.officerGrade(), "C"));
        review.put("concernsRaised", true);
        review.put("inProcurementReview", false);
        review.put("reviewOutcome", "accept");
        scenario.complete(officer, instance, "Task_ReviewSelfAssessment", review);
        QafReturn reviewed = returns.get(reference);
        assertThat(reviewed.getValidationVisit()).isTrue();
        assertThat(reviewed.getValidationReason()).isEqualTo("concerns");

        scenario.complete(officer, instance, "Task_AgreeVisitDate", Map.of("visitDate", "2026-12-01"));
        scenario.executeDueJobs(instance.getId());
        assertThat(subjectsTo(provider.getEmail())).contains(reference + ": validation visit on Tue 1 Dec 2026");
        scenario.complete(officer, instance, "Task_RecordVisitFindings", Map.of("visitFindings", "Policies seen."));
        scenario.complete(officer, instance, "Task_AgreeGrades", Map.of());
        scenario.executeDueJobs(instance.getId());

        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(returns.get(reference).objective(CoreObjective.C1_1).getAgreedGrade()).isEqualTo(QafGrade.C);
        assertThat(subjectsTo(provider.getEmail())).contains(reference + ": agreed grades for Service " + code);
        assertThat(scenario.task(instance, "Task_RespondToGrades")).as("Q7 the provider answers next").isNotNull();

        List<String> historic = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .list().stream().map(v -> v.getName()).toList();
        assertThat(historic).contains("qafReference", "c11Claimed", "validationVisit")
                .doesNotContain("c11EvidenceC", "qafSummary", "visitFindings", "c11OfficerComment");
    }

    /** Every objective claims C with its evidence; the summary sheet. */
    private static Map<String, Object> selfAssessment() {
        Map<String, Object> form = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> {
            form.put(fields.claimed(), "C");
            form.put(fields.evidenceC(), "Written policy, reviewed yearly.");
        });
        form.put("qafSummary", "We meet the minimum standard throughout.");
        return form;
    }

    private ResponseEntity<String> complete(String userId, String taskId, Map<String, Object> form) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String body = new ObjectMapper().writeValueAsString(Map.of("variables", variables));
        return rest.withBasicAuth(userId, userId).postForEntity("/engine-rest/task/{id}/complete",
                new HttpEntity<>(body, json), String.class, taskId);
    }

    private static List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
