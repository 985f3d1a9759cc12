package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * U6 on the whole application (H2, authorizations on): the report is written into the consultation's row, read as a
 * PDF over {@code GET /api/consultations/{ref}/report} by the officer and the managers (the provider only once it is
 * issued, another provider never, 403; an unknown consultation 400), approved by the contracts manager (an adverse
 * one by the SP manager and the head of contracts too; another role refused by the engine and by U6) with each
 * decision recorded, e-mailed to the provider, and kept out of the engine's variables and history.
 */
@ApplicationTest
class ConsultationReportApiTest {

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
    @Autowired
    Consultations consultations;
    @Autowired
    ConsultationReports reports;

    ConsultedService world;
    ConsultedService otherWorld;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 5, 3, 9, 0));
        world = ConsultedService.create(scenario, organisations, services, "CR");
        otherWorld = ConsultedService.create(scenario, organisations, services, "CO");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("U6: the report PDF for the officer and the SP manager; 403 for the provider before it is issued,"
            + " another provider and another officer; 400 for an unknown consultation; the provider reads it once"
            + " issued; the headline and text never in a variable or history")
    void reportAccess() throws Exception {
        ProcessInstance instance = questionnairesRecorded();
        String reference = instance.getBusinessKey();
        String path = "/api/consultations/" + reference;
        assertThat(get(world.officer(), path + "/report").getStatusCode()).as("no report written yet")
                .isEqualTo(HttpStatus.BAD_REQUEST);

        String headline = "Headline " + world.code() + ": users value the support";
        String text = "Report text " + world.code() + ": questionnaires praise the key workers.";
        scenario.complete(world.officer(), instance, "Task_WriteReport", Map.of("reportHeadline", headline,
                "reportText", text, "reportAdverse", false));
        assertThat(consultations.get(reference).getReportText()).isEqualTo(text);

        ResponseEntity<byte[]> officerCopy = get(world.officer(), path + "/report");
        assertThat(officerCopy.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(officerCopy.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(officerCopy.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains(headline, "Questionnaires returned: 3");
        }
        assertThat(get(world.spManager(), path + "/report").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(world.providerUser(), path + "/report").getStatusCode()).as("the provider before issue")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(otherWorld.providerUser(), path + "/report").getStatusCode()).as("another provider")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(world.otherOfficer(), path + "/report").getStatusCode()).as("another officer")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(world.officer(), "/api/consultations/SUC-NOPE-2027/report").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // U6: only the contracts manager approves a report without adverse comments; the SP manager cannot
        assertThatThrownBy(() -> reports.decide(reference, "sp-manager", ReportDecision.APPROVE, world.spManager(),
                List.of("sp-manager"))).hasMessageContaining("approved by the contracts manager");
        scenario.complete(world.manager(), instance, "Task_ApproveReport", Map.of("reportDecision", "approve"));
        assertThat(reports.approvals(reference)).singleElement().satisfies(approval -> {
            assertThat(approval.getApproverRole()).isEqualTo("contracts-manager");
            assertThat(approval.getDecidedBy()).isEqualTo(world.manager());
            assertThat(approval.getDecision()).isEqualTo(ReportDecision.APPROVE);
        });
        scenario.executeDueJobs(instance.getId());
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.REPORT_ISSUED);
        assertThat(get(world.providerUser(), path + "/report").getStatusCode()).as("the provider once issued")
                .isEqualTo(HttpStatus.OK);
        assertThat(get(otherWorld.providerUser(), path + "/report").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            for (String written : List.of(headline, text)) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
                        Long.class, "%" + written + "%", "%" + written + "%")).as(written + " in " + table).isZero();
            }
        }
    }

    @Test
    @DisplayName("U6: an adverse report is approved by the contracts manager, the SP manager and the head of contracts,"
            + " each decision recorded; completing another role's approval is refused")
    void adverseReportByThreeRoles() {
        String head = "hoc-" + world.code().toLowerCase();
        scenario.user(head, "head-of-contracts");
        ProcessInstance instance = questionnairesRecorded();
        String reference = instance.getBusinessKey();
        scenario.complete(world.officer(), instance, "Task_WriteReport", Map.of("reportHeadline", "Night cover worries",
                "reportText", "Several questionnaires say nobody answers at night.", "reportAdverse", true));
        assertThat(consultations.get(reference).isReportAdverse()).isTrue();

        // the engine's authorization stops a contracts manager at the SP manager's task (403 over REST) ...
        Map<String, Object> approve = Map.of("reportDecision", "approve");
        assertThatThrownBy(() -> scenario.complete(world.manager(), instance, "Task_SpManagerApprovesReport",
                approve)).isInstanceOf(AuthorizationException.class);
        // ... and U6 refuses it even when the task was handed to them (400 with the role needed)
        Task spTask = scenario.task(instance, "Task_SpManagerApprovesReport");
        scenario.asSystem(() -> {
            taskService.setAssignee(spTask.getId(), world.manager());
            return null;
        });
        assertThatThrownBy(() -> scenario.complete(world.manager(), instance, "Task_SpManagerApprovesReport",
                approve)).rootCause().isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("Only the SP manager (role sp-manager)");
        assertThat(reports.approvals(reference)).isEmpty();

        scenario.complete(world.spManager(), instance, "Task_SpManagerApprovesReport", Map.of("reportDecision",
                "approve"));
        scenario.complete(head, instance, "Task_HeadOfContractsApprovesReport", Map.of("reportDecision", "approve"));
        scenario.complete(world.manager(), instance, "Task_ManagerApprovesAdverseReport", Map.of("reportDecision",
                "approve"));
        scenario.executeDueJobs(instance.getId());
        assertThat(consultations.get(reference).getStatus()).isEqualTo(ConsultationStatus.REPORT_ISSUED);
        assertThat(reports.approvals(reference)).extracting(ConsultationReportApproval::getApproverRole,
                ConsultationReportApproval::getDecidedBy).containsExactly(tuple("sp-manager", world.spManager()),
                        tuple("head-of-contracts", head), tuple("contracts-manager", world.manager()));
    }

    /** A questionnaire consultation of the world's service, 3 questionnaires returned, up to Write report. */
    private ProcessInstance questionnairesRecorded() {
        ProcessInstance instance = scenario.as(world.officer(), () -> runtimeService.startProcessInstanceByKey(
                ConsultationVariables.PROCESS_KEY, Map.of("serviceCode", world.serviceCode())));
        scenario.complete(world.officer(), instance, "Task_ProposeApproach", Map.of("consultationMethod",
                "QUESTIONNAIRE", "serviceUsers", 600L));
        scenario.complete(world.manager(), instance, "Task_AgreeApproach", Map.of());
        scenario.executeDueJobs(instance.getId());
        for (int returned = 0; returned < 3; returned++) {
            assertThat(rest.withBasicAuth(world.officer(), world.officer()).postForEntity("/api/consultations/"
                    + instance.getBusinessKey() + "/questionnaires", new HashMap<>(Map.of("answers",
                    List.of(Map.of("questionCode", "Q1", "text", "Good.")))), Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        Scenario.now(LocalDateTime.of(2027, 6, 1, 9, 0));
        scenario.complete(world.officer(), instance, "Task_RecordQuestionnaires", Map.of("allQuestionnairesRecorded",
                true));
        return instance;
    }

    private ResponseEntity<byte[]> get(String userId, String path) {
        return rest.withBasicAuth(userId, userId).getForEntity(path, byte[].class);
    }
}
