package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** C1 schedule reports by timer, and the C7 improvement plan over the API. */
@ApplicationTest
class MeetingScheduleTest {

    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingService meetings;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C1 X1 every December the schedule goes to the contracts manager as CSV; monthly the meetings kept to schedule")
    void scheduleReportsByTimer() throws Exception {
        String code = Scenario.uniqueCode("SC");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        services.register("S" + code, "Scheduled " + code, code, "Older people", "Sheltered", PriorityLevel.GREEN,
                "po-x", LocalDate.of(2027, 6, 1));

        Job december = timer("cmm-annual-schedule");
        assertThat(december.getDuedate()).as("scheduled for the next 1 December, 07:00 London time")
                .isAfter(new java.util.Date());
        assertThat(december.getDuedate().toInstant().atZone(Scenario.LONDON).toLocalDateTime())
                .matches(due -> due.getMonthValue() == 12 && due.getDayOfMonth() == 1 && due.getHour() == 7);
        Job monthly = timer("cmm-monthly-report");

        Scenario.now(LocalDateTime.of(2026, 12, 1, 7, 0));
        managementService.executeJob(december.getId());
        managementService.executeJob(monthly.getId());
        for (String key : List.of("cmm-annual-schedule", "cmm-monthly-report")) {
            for (Job job : managementService.createJobQuery().processDefinitionKey(key).executable().list()) {
                managementService.executeJob(job.getId());
            }
        }
        MimeMessage schedule = mailWithSubject("Contract management meeting schedule for 2027");
        String csv = attachmentText(schedule);
        assertThat(csv).startsWith("service_code,service_name,priority_level,purchasing_officer,next_meeting_due")
                .contains("S" + code + ",Scheduled " + code + ",GREEN,po-x,2027-06-01,");
        assertThat(mailWithSubject("Contract management meetings in November 2026: ").getAllRecipients()[0].toString())
                .isEqualTo("contracts.manager@commissioning.example");
        assertThat(timer("cmm-annual-schedule").getDuedate()).as("the next December")
                .isEqualTo(java.util.Date.from(LocalDateTime.of(2027, 12, 1, 7, 0).atZone(Scenario.LONDON).toInstant()));
    }

    @Test
    @DisplayName("C7 the improvement plan over the API: its provider and the team see it; another provider does not")
    void improvementPlanApi() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        String code = Scenario.uniqueCode("IP");
        var provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        var other = scenario.asSystem(() -> organisations.registerProvider(code + "O", "Other " + code, code + "o@p.example"));
        scenario.user("ip-officer-" + code, "purchasing-officer");
        scenario.user("ip-provider-" + code, "provider", provider.getGroupId());
        scenario.user("ip-other-" + code, "provider", other.getGroupId());
        services.register("S" + code, "Plan " + code, code, "Young people", "Supported housing", PriorityLevel.AMBER,
                "ip-officer-" + code, LocalDate.of(2027, 1, 1));
        Meeting meeting = meetings.plan("S" + code, LocalDate.of(2027, 1, 4), "ip-officer-" + code);
        Scenario.now(LocalDateTime.of(2027, 1, 5, 9, 0));
        meetings.recordMinutes(meeting.getId(), LocalDate.of(2027, 1, 4), "Minutes", "Fix the lift | Manager | 2027-02-01");

        String path = "/api/services/{code}/improvement-plan";
        ResponseEntity<List> own = rest.withBasicAuth("ip-provider-" + code, "ip-provider-" + code)
                .getForEntity(path, List.class, "S" + code);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).hasSize(1);
        assertThat(rest.withBasicAuth("ip-other-" + code, "ip-other-" + code).getForEntity(path, String.class, "S" + code)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Object id = ((Map<?, ?>) own.getBody().get(0)).get("id");
        assertThat(rest.withBasicAuth("ip-provider-" + code, "ip-provider-" + code).postForEntity(
                "/api/improvement-actions/{id}/close", Map.of("evidence", "done"), String.class, id).getStatusCode())
                .as("a provider cannot close its own action").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> noEvidence = rest.withBasicAuth("ip-officer-" + code, "ip-officer-" + code).postForEntity(
                "/api/improvement-actions/{id}/close", Map.of(), Map.class, id);
        assertThat(noEvidence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noEvidence.getBody().get("message").toString()).contains("Record the evidence");
        ResponseEntity<Map> closed = rest.withBasicAuth("ip-officer-" + code, "ip-officer-" + code).postForEntity(
                "/api/improvement-actions/{id}/close", Map.of("evidence", "Lift repaired 20 January"), Map.class, id);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody().get("status")).isEqualTo("CLOSED");
        assertThat(rest.withBasicAuth("ip-provider-" + code, "ip-provider-" + code).getForEntity(path, List.class, "S" + code)
                .getBody()).isEmpty();
    }

    private Job timer(String processKey) {
        return managementService.createJobQuery().processDefinitionKey(processKey).timers().singleResult();
    }

    private MimeMessage mailWithSubject(String prefix) throws Exception {
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getSubject().startsWith(prefix)) {
                return message;
            }
        }
        throw new AssertionError("No mail starting " + prefix);
    }

    private static String attachmentText(MimeMessage message) throws Exception {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getContentType().startsWith("text/csv")) {
                return new String(multipart.getBodyPart(i).getInputStream().readAllBytes());
            }
        }
        throw new AssertionError("No CSV attached: " + GreenMailUtil.getBody(message));
    }
}
