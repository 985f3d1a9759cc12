package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.RivalCompletion;
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
    @Autowired
    ManagementService managementService;

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

    @Test
    @DisplayName("Q7 Q8 X2 grades told with the Summary PDF, disagreed (late: 400), reconsidered, final decision with a D grade, "
            + "CSG told, clerk records on Swift, plan, both reviews, validation a month later finds no improvement, default notice")
    void appealToFinalDecisionAndDGrade() throws Exception {
        String manager = "qaf-cm-" + code.toLowerCase();
        String clerk = "qaf-clerk-" + code.toLowerCase();
        scenario.user(manager, "contracts-manager");
        scenario.user(clerk, "data-input-clerk");
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("qaf-return",
                Map.of("serviceCode", "S" + code, "qafVariant", "FULL", "meetingDate", "2027-02-01")));
        String reference = instance.getBusinessKey();
        scenario.executeDueJobs(instance.getId());
        String selfAssessment = scenario.task(instance, "Task_CompleteSelfAssessment").getId();
        assertThat(complete(providerUser, selfAssessment, selfAssessment()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> review = new HashMap<>();
        QafVariables.FIELDS.values().forEach(fields -> review.put(fields.officerGrade(), "C"));
        review.put("concernsRaised", true);
        review.put("inProcurementReview", false);
        review.put("reviewOutcome", "accept");
        scenario.complete(officer, instance, "Task_ReviewSelfAssessment", review);
        scenario.complete(officer, instance, "Task_AgreeVisitDate", Map.of("visitDate", "2026-12-01"));
        scenario.executeDueJobs(instance.getId());
        scenario.complete(officer, instance, "Task_RecordVisitFindings", Map.of("visitFindings", "Policies seen."));
        scenario.complete(officer, instance, "Task_AgreeGrades", Map.of());
        scenario.executeDueJobs(instance.getId());

        MimeMessage told = messageTo(provider.getEmail(), reference + ": agreed grades for Service " + code);
        assertThat(told.getContent().toString()).isNotEmpty();
        byte[] pdf = attachment(told, "Summary-of-QAF-Grading-" + reference + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Summary of QAF Grading", "Provider " + code,
                    "Service ID: S" + code, "2026/27", "Validation: Yes");
        }

        String respond = scenario.task(instance, "Task_RespondToGrades").getId();
        Map<String, Object> disagree = new HashMap<>(Map.of("gradesResponse", "disagree",
                "c13AppealEvidence", "Fire drills are logged monthly."));
        assertThat(complete(providerUser, respond, disagree).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.DISAGREED);
        scenario.complete(officer, instance, "Task_ReconsiderGrades", Map.of());
        scenario.executeDueJobs(instance.getId());
        assertThat(subjectsTo(provider.getEmail())).contains(reference + ": reconsidered grades for Service " + code);

        Scenario.now(LocalDateTime.of(2026, 12, 1, 9, 0));
        String again = scenario.task(instance, "Task_RespondToGrades").getId();
        ResponseEntity<String> late = complete(providerUser, again, disagree);
        assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody()).contains("The deadline to disagree with the grades of QAF " + reference
                + " was Mon 30 Nov 2026; the grades stand as told.").contains("(Q7)");
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.RECONSIDERED);

        Scenario.now(LocalDateTime.of(2026, 11, 20, 9, 0));
        disagree.put("c13AppealEvidence", "We still say the drills are logged.");
        assertThat(complete(providerUser, again, disagree).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(reference).getStatus()).isEqualTo(QafStatus.FINAL_REVIEW);
        scenario.complete(manager, instance, "Task_FinalGradeDecision", Map.of("c13AgreedGrade", "D",
                "c13AgreedReason", "No fire drill since March.", "finalDecisionNote", "C1.3 is below the standard."));
        scenario.executeDueJobs(instance.getId());
        QafReturn decided = returns.get(reference);
        assertThat(decided.getStatus()).isEqualTo(QafStatus.FINAL);
        assertThat(decided.getFinalRoute()).isEqualTo(QafReturn.FinalRoute.FINAL_DECISION);
        assertThat(subjectsTo(provider.getEmail())).contains(reference + ": final grades for Service " + code);
        MimeMessage csg = messageTo("csg@commissioning.example", reference + ": provider's concerns about its QAF grades");
        assertThat(csg.getContent().toString()).contains("We still say the drills are logged.");
        assertThatThrownBy(() -> returns.respondToGrades(reference, new QafReturns.GradesResponse(false, "Appeal.",
                Map.of()), providerUser)).hasMessageContaining("are final; an appeal is no longer accepted");

        String record = scenario.task(instance, "Task_RecordQafGrades").getId();
        assertThat(complete(clerk, record, Map.of("enteredOnSwift", true, "swiftDate", "2026-11-20")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(reference).getSwiftEnteredOn()).isEqualTo(LocalDate.of(2026, 11, 20));

        String plan = scenario.task(instance, "Task_WriteQafImprovementPlan").getId();
        assertThat(scenario.task(instance, "Task_WriteQafImprovementPlan").getDueDate()).as("Q8 due 2 weeks after final")
                .isEqualTo(java.util.Date.from(Scenario.londonStartOf(LocalDate.of(2026, 12, 5)).toInstant().minusSeconds(1)));
        assertThat(returns.get(reference).getPlanDueOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(complete(providerUser, plan, Map.of("improvementPlan", "Monthly drills, logged.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        scenario.complete(officer, instance, "Task_ReviewQafPlanOfficer", Map.of("planOfficerReview", "Realistic."));
        scenario.complete(manager, instance, "Task_ReviewQafPlanManager", Map.of("planManagerReview", "Agreed."));
        scenario.executeDueJobs(instance.getId());
        assertThat(scenario.task(instance, "Task_ValidateQafImprovement")).as("Q8 not before a month").isNull();

        Scenario.now(LocalDateTime.of(2026, 12, 20, 9, 0));
        scenario.executeDueJobs(instance.getId());
        scenario.complete(officer, instance, "Task_ValidateQafImprovement", Map.of("improvementOutcome", "no",
                "improvementFindings", "No drill logged since the plan."));
        scenario.executeDueJobs(instance.getId());
        assertThat(subjectsTo("csg@commissioning.example")).contains(reference + ": no improvement after a D grade");
        scenario.complete(manager, instance, "Task_DecideQafDefaultNotice", Map.of("defaultNoticeOutcome", "issue",
                "defaultNoticeReason", "No improvement a month after the plan."));

        QafReturn done = returns.get(reference);
        assertThat(done.getImprovementPlan()).isEqualTo("Monthly drills, logged.");
        assertThat(done.getImproved()).isFalse();
        assertThat(done.getDefaultNotice()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        List<String> historic = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .list().stream().map(v -> v.getName()).toList();
        assertThat(historic).contains("gradesResponse", "dGrade", "improved")
                .doesNotContain("c13AppealEvidence", "finalDecisionNote", "improvementPlan", "planOfficerReview",
                        "improvementFindings", "defaultNoticeReason");
    }

    private static MimeMessage messageTo(String address, String subject) throws Exception {
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address) && subject.equals(message.getSubject())) {
                return message;
            }
        }
        throw new AssertionError("No e-mail to " + address + " with the subject " + subject);
    }

    private static byte[] attachment(MimeMessage message, String fileName) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("No attachment " + fileName);
    }

    /** Every objective claims C with its evidence; the summary sheet. */
    @Test
    @DisplayName("Q2 a provider submitting at the instant the non-return reminder's job ends its branch gets the conflict "
            + "sentence (409, nothing saved), and submitting again works")
    void submittedWhileTheReminderJobEndsItsBranch() throws Exception {
        ProcessInstance instance = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("qaf-return",
                Map.of("serviceCode", "S" + code, "qafVariant", "FULL", "meetingDate", "2027-02-01")));
        scenario.executeDueJobs(instance.getId());
        Scenario.now(LocalDateTime.of(2026, 12, 22, 9, 0));
        // the overdue timer fires (the task stays open, Q2); the reminder e-mail is the next job
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_SelfAssessmentOverdue").singleResult().getId());
        String taskId = scenario.task(instance, "Task_CompleteSelfAssessment").getId();
        RivalCompletion.before(taskId, () -> scenario.executeDueJobs(instance.getId()));

        ResponseEntity<String> lost = complete(providerUser, taskId, selfAssessment());

        assertThat(lost.getStatusCode()).as(lost.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lost.getBody()).contains("nothing you sent was saved").doesNotContain("Exception");
        assertThat(returns.get(instance.getBusinessKey()).getStatus()).isNotEqualTo(QafStatus.SUBMITTED);
        ResponseEntity<String> again = complete(providerUser, taskId, selfAssessment());
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(instance.getBusinessKey()).getStatus()).isEqualTo(QafStatus.SUBMITTED);
    }

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
