package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.quality.QafReturns.AgreedGrade;
import org.carecommissioning.quality.QafReturns.Claim;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.OfficerAssessment;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Q6 moderation and the QAF report on the whole application (H2, authorizations on). Each test works in a financial
 * year of its own (2031/32, 2032/33), so the QAFs of other tests sharing the database are not in its draw or report.
 */
@ApplicationTest
class QafModerationLifecycleTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    QafReturns returns;
    @Autowired
    QafModeration moderation;
    @Autowired
    TestRestTemplate rest;

    String code;
    String manager;
    String head;
    String providerUser;

    @BeforeEach
    void users() {
        code = Scenario.uniqueCode("QM");
        manager = "qaf-cm-" + code.toLowerCase();
        head = "qaf-hoc-" + code.toLowerCase();
        providerUser = "qaf-prov-" + code.toLowerCase();
        scenario.user(manager, "contracts-manager");
        scenario.user(head, "head-of-contracts");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    /** A service of a new provider, looked after by {@code officer}, with its meeting on {@code meeting}. */
    private String service(String suffix, String officer, LocalDate meeting) {
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code + suffix,
                "Provider " + code + suffix, (code + suffix).toLowerCase() + "@p.example"));
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        String serviceCode = "S" + code + suffix;
        scenario.asSystem(() -> services.register(serviceCode, "Service " + code + suffix, code + suffix,
                "Older people", "Sheltered housing", PriorityLevel.GREEN, officer, meeting));
        return serviceCode;
    }

    /** A QAF issued, self-assessed at B, reviewed at C by the officer and (when {@code agree}) agreed at C. */
    private String reviewedQaf(String serviceCode, String officer, LocalDate meeting, boolean agree) {
        return scenario.asSystem(() -> {
            QafReturn qaf = returns.issue(serviceCode, QafVariant.FULL, meeting, officer);
            Map<CoreObjective, Claim> claims = new EnumMap<>(CoreObjective.class);
            Map<CoreObjective, OfficerAssessment> assessments = new EnumMap<>(CoreObjective.class);
            Map<CoreObjective, AgreedGrade> agreed = new EnumMap<>(CoreObjective.class);
            for (CoreObjective objective : CoreObjective.values()) {
                claims.put(objective, new Claim(QafGrade.B, "Written policy.", "Audited quarterly.", null));
                assessments.put(objective, new OfficerAssessment(QafGrade.C, "No audit records seen."));
                agreed.put(objective, new AgreedGrade(QafGrade.C, "No audit records seen."));
            }
            returns.submitSelfAssessment(qaf.getReference(), new SelfAssessment(claims, "Summary."), providerUser);
            returns.recordDeskTopReview(qaf.getReference(), new DeskTopReview(false, null, assessments, false, false),
                    officer);
            if (agree) {
                returns.recordValidationDecision(qaf.getReference(), false, "none");
                returns.agreeGrades(qaf.getReference(), agreed, officer);
            }
            return qaf.getReference();
        });
    }

    @Test
    @DisplayName("Q6 the contracts manager starts the year's moderation: 2 of the 3 QAFs one officer reviewed and the 1 "
            + "another reviewed, one task each; a change without a reason is a 400 and writes nothing; with its reason it "
            + "replaces the agreed grade")
    void moderation() throws Exception {
        Scenario.now(LocalDateTime.of(2031, 11, 2, 9, 0));
        LocalDate meeting = LocalDate.of(2032, 2, 1);
        String olivia = "qaf-po-a-" + code.toLowerCase();
        String peter = "qaf-po-b-" + code.toLowerCase();
        String first = service("A", olivia, meeting);
        String second = service("B", peter, meeting);
        List<String> oliviaQafs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            oliviaQafs.add(reviewedQaf(first, olivia, meeting, true));
        }
        String peterQaf = reviewedQaf(second, peter, meeting, false);

        ProcessInstance instance = scenario.as(manager, () -> runtimeService.startProcessInstanceByKey("qaf-moderation",
                Map.of("financialYear", "2031/32")));

        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).hasSize(3).allSatisfy(task -> assertThat(task.getDueDate())
                .as("Q6 4 weeks after the draw").isEqualTo(java.util.Date.from(LocalDate.of(2031, 11, 30)
                        .atTime(23, 59, 59).atZone(Scenario.LONDON).toInstant())));
        Map<String, Task> byReference = new HashMap<>();
        for (Task task : tasks) {
            byReference.put((String) taskService.getVariable(task.getId(), "qafReference"), task);
        }
        assertThat(byReference).containsKey(peterQaf);
        assertThat(byReference.keySet()).filteredOn(oliviaQafs::contains).hasSize(2);
        String drawn = byReference.keySet().stream().filter(oliviaQafs::contains).findFirst().orElseThrow();
        Task task = byReference.get(drawn);
        assertThat(taskService.getVariable(task.getId(), "reviewingOfficer")).isEqualTo(olivia);
        assertThat(taskService.getVariable(task.getId(), "c13AgreedGrade")).isEqualTo("C");

        ResponseEntity<String> refused = complete(manager, task.getId(), Map.of("moderationOutcome", "change",
                "c13ModeratedGrade", "D"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("C1.3 Security, health and safety: you changed the grade from C to D;"
                + " give the reason.");
        assertThat(returns.get(drawn).objective(CoreObjective.C1_3).getAgreedGrade()).isEqualTo(QafGrade.C);

        assertThat(complete(manager, task.getId(), Map.of("moderationOutcome", "change", "c13ModeratedGrade", "D",
                "c13ModerationReason", "No fire risk assessment on file.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(returns.get(drawn).objective(CoreObjective.C1_3).getAgreedGrade()).isEqualTo(QafGrade.D);
        QafModerationRecord record = moderation.get(new QafYear(2031), drawn);
        assertThat(record.getOutcome()).isEqualTo(QafModerationOutcome.CHANGED);
        assertThat(record.getModeratedBy()).isEqualTo(manager);
        assertThat(record.getChanges()).singleElement().satisfies(change -> {
            assertThat(change.getPreviousGrade()).isEqualTo(QafGrade.C);
            assertThat(change.getReason()).isEqualTo("No fire risk assessment on file.");
        });

        for (Task other : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
            assertThat(complete(manager, other.getId(), Map.of("moderationOutcome", "agree")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(moderation.get(new QafYear(2031), peterQaf).getOutcome()).isEqualTo(QafModerationOutcome.AGREED);

        ProcessInstance again = scenario.as(manager, () -> runtimeService.startProcessInstanceByKey("qaf-moderation",
                Map.of("financialYear", "2031/32")));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(again.getId()).count())
                .as("Q6 no officer has more than 2 drawn a year").isZero();
    }

    @Test
    @DisplayName("Q2 Q5 Q8 the QAF report over /api: CSV and PDF for the contracts manager and the head of contracts; "
            + "403 for a provider and a purchasing officer; 400 for a bad year")
    void report() throws Exception {
        Scenario.now(LocalDateTime.of(2032, 11, 2, 9, 0));
        LocalDate meeting = LocalDate.of(2033, 2, 1);
        String officer = "qaf-po-r-" + code.toLowerCase();
        String serviceCode = service("R", officer, meeting);
        reviewedQaf(serviceCode, officer, meeting, true);
        scenario.asSystem(() -> returns.issue(serviceCode, QafVariant.LITE, meeting, officer));

        ResponseEntity<String> csv = get(manager, "/api/qaf/reports/2032-33", "text/csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("report,financial year,,2032/33\n", "returns,issued,,2\n",
                "returns,returned on time,,1\n", "returns,awaited,deadline not passed,1\n", "validation,none,",
                "agreed grades,C1.1 Needs and risk assessment,C,1\n");

        ResponseEntity<byte[]> pdf = get(head, "/api/qaf/reports?year=2032/33&format=pdf", "*/*", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("QAF report 2032/33", "Issued: 2");
        }
        assertThat(get(manager, "/api/qaf/reports/2032-33", "application/pdf", byte[].class).getHeaders()
                .getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        assertThat(get(providerUser, "/api/qaf/reports/2032-33", "text/csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(officer, "/api/qaf/reports/2032-33", "text/csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = get(manager, "/api/qaf/reports/2032-34", "*/*", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("is not a financial year");
        assertThat(get(manager, "/api/qaf/reports/2032-33?format=xls", "*/*", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private <T> ResponseEntity<T> get(String userId, String path, String accept, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        return rest.withBasicAuth(userId, userId).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
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
}
