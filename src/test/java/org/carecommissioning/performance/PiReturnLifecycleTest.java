package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.ProcessDates;
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

/** PI1-PI8 on the whole application: a quarter's return from request to the data input clerk. */
@ApplicationTest
class PiReturnLifecycleTest {

    private static final String HEADER = "dcc_code,units,units_change_explanation,KPI1,SPI1,SPI2,SPI3,SPI4,local_pis,comments";

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
    Workbooks workbooks;
    @Autowired
    PiReturns returns;
    @Autowired
    ReturnDeadlines deadlines;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    PiReports reports;

    String code;
    Organisation provider;
    String officer;
    String manager;
    String clerk;
    String providerUser;
    String otherProviderUser;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        code = Scenario.uniqueCode("PI");
        provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code + "@p.example"));
        Organisation other = scenario.asSystem(() -> organisations.registerProvider(code + "Z", "Other " + code,
                code + "z@p.example"));
        officer = "pi-po-" + code;
        manager = "pi-cm-" + code;
        clerk = "pi-clerk-" + code;
        providerUser = "pi-prov-" + code;
        otherProviderUser = "pi-other-" + code;
        scenario.user(officer, "purchasing-officer");
        scenario.user(manager, "contracts-manager");
        scenario.user(clerk, "data-input-clerk");
        scenario.user(providerUser, "provider", provider.getGroupId());
        scenario.user(otherProviderUser, "provider", other.getGroupId());
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing", PriorityLevel.AMBER,
                officer, LocalDate.of(2027, 6, 1));
        workbooks.issue("S" + code, "2026/27", page(20), null, null, officer);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PI2-PI6 X2 a missed trigger needs an explanation, is referred, decided, signed off and recorded; CSV upload by the provider")
    void missedTriggerExplainedReferredSignedOffRecorded() throws Exception {
        ProcessInstance pi = request(3, "2027-01-28");
        assertThat(pi.getBusinessKey()).isEqualTo("PI-S" + code + "-2026Q3");
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail())).containsExactly(
                "PI return PI-S" + code + "-2026Q3: Service " + code + ", 2026/27 quarter 3, due Thu 28 Jan 2027");
        assertThat(scenario.task(pi, "Task_SubmitReturn").getDueDate())
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 1, 28), Scenario.LONDON));

        // PI2 another provider's staff cannot see or submit this provider's return, over Tasklist's REST API either
        assertThat(upload(otherProviderUser, pi, HEADER + "\nDCC-2026,20,,93,96,91,95,90,ok,").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String taskId = scenario.task(pi, "Task_SubmitReturn").getId();
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", List.class, pi.getBusinessKey())
                .getBody()).isEmpty();
        assertThat(rest.withBasicAuth(providerUser, providerUser)
                .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", List.class, pi.getBusinessKey())
                .getBody()).hasSize(1);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth(otherProviderUser, otherProviderUser).postForEntity("/engine-rest/task/{id}/complete",
                new HttpEntity<>("{\"variables\":{}}", json), String.class, taskId).getStatusCode().is2xxSuccessful())
                .isFalse();
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.AWAITED);
        // PI4 percentages are 0-100; nothing recorded
        ResponseEntity<Map> outOfRange = upload(providerUser, pi, HEADER + "\nDCC-2026,20,,93,101,91,95,90,ok,");
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outOfRange.getBody().get("message").toString()).contains("SPI1 (Availability) is a percentage: 101");
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.AWAITED);

        // SPI2 utilisation 91% is below the 2026/27 trigger of 92%, with no explanation
        Scenario.now(LocalDateTime.of(2027, 1, 20, 9, 0));
        assertThat(upload(providerUser, pi, HEADER + "\nDCC-2026,20,,93,96,91,95,90,\"housing, tenancy\",")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        PiReturn submitted = returns.get(pi.getBusinessKey());
        assertThat(submitted.getStatus()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(submitted.getBreachedIndicators()).isEqualTo("SPI2");
        assertThat(submitted.getWorkbookVersion()).isEqualTo(1);
        assertThat((String) runtimeService.getVariable(pi.getId(), "missedTriggers"))
                .isEqualTo("SPI2 Utilisation: 91% is below the trigger of 92% (red font)");
        assertThat(scenario.task(pi, "Task_CheckReturn").getDueDate()).as("PI4 within two weeks")
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 2, 3), Scenario.LONDON));

        assertThatThrownBy(() -> scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("PI5").hasMessageContaining("explanation");
        scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "explanation",
                "requestToProvider", "Please explain the low utilisation."));
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail())).contains("PI return PI-S" + code + "-2026Q3 needs more from you");

        assertThat(upload(providerUser, pi, HEADER + "\nDCC-2026,20,,93,96,91,95,90,ok,Two rooms closed for repairs")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "refer",
                "checkerComments", "Repairs may take months"));
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.REFERRED);
        scenario.complete(manager, pi, "Task_DecideOnReferral", Map.of("referralDecision", "earlier-meeting",
                "referralReason", "Utilisation has fallen two quarters running"));
        PiReturn signedOff = returns.get(pi.getBusinessKey());
        assertThat(signedOff.getStatus()).isEqualTo(ReturnStatus.SIGNED_OFF);
        assertThat(signedOff.getCheckedBy()).isEqualTo(officer);
        assertThat(signedOff.getCheckerComments()).isEqualTo("Repairs may take months");
        assertThat(signedOff.getManagerDecision()).startsWith("earlier-meeting: Utilisation")
                .endsWith("(next meeting now due by 2027-03-03)");
        // PI5 the meeting due on 1 June is brought forward to 6 weeks from the decision, and planning opens at once
        assertThat(services.byCode("S" + code).getNextMeetingDue()).isEqualTo(LocalDate.of(2027, 3, 3));
        var planner = runtimeService.createProcessInstanceQuery().processDefinitionKey("cmm-next-meeting")
                .variableValueEquals("serviceCode", "S" + code).singleResult();
        assertThat(planner.getBusinessKey()).isEqualTo("PLAN-S" + code + "-20270303");
        scenario.executeDueJobs(planner.getId());
        assertThat(taskService.createTaskQuery().processDefinitionKey("cmm-next-meeting")
                .processVariableValueEquals("serviceCode", "S" + code).taskAssignee(officer).count()).isEqualTo(1);

        scenario.complete(clerk, pi, "Task_RecordReturnData", Map.of("dataRecorded", true));
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.RECORDED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_ReturnRecorded");
        assertThat(returns.rollingTwelveMonths(signedOff.getServiceId())).contains("2026/27 Q3", "91");
    }

    @Test
    @DisplayName("PI7 a return not in by its deadline gets a reminder, the contracts manager is told, and the lateness reason is recorded")
    void lateReturn() throws Exception {
        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 29, 8, 0));
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail())).contains("Reminder: PI return PI-S" + code + "-2026Q3 was due on Thu 28 Jan 2027");
        assertThat(subjectsTo("contracts.manager@commissioning.example"))
                .contains("Late PI return: PI-S" + code + "-2026Q3 from Provider " + code);

        scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 20, null));
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isTrue();
        assertThatThrownBy(() -> scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "accept")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("reason the return is late");
        scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "accept",
                "latenessReason", "Manager on sick leave"));
        assertThat(returns.get(pi.getBusinessKey()).getLatenessReason()).isEqualTo("Manager on sick leave");
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.SIGNED_OFF);
    }

    @Test
    @DisplayName("PI4 PI7 a return sent back for missing data and not resubmitted by the deadline is chased like one never sent")
    void returnedAndNotResubmittedIsChased() throws Exception {
        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 20, 9, 0));
        scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 20, null));
        scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "incomplete",
                "requestToProvider", "The local PIs section is missing."));
        scenario.executeDueJobs(pi.getId());
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.RETURNED_TO_PROVIDER);
        // PI4 X1: due again 10 working days after the request (3 February), later than the 28 January deadline
        assertThat(scenario.task(pi, "Task_SubmitReturn").getDueDate())
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 2, 3), Scenario.LONDON));
        assertThat(GreenMailUtil.getBody(lastMailTo(provider.getEmail()))).contains("please send it again by Wed 3 Feb 2027");

        Scenario.now(LocalDateTime.of(2027, 1, 29, 8, 0));
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail())).contains("Reminder: PI return PI-S" + code + "-2026Q3 was due on Thu 28 Jan 2027");
        assertThat(subjectsTo("contracts.manager@commissioning.example"))
                .contains("Late PI return: PI-S" + code + "-2026Q3 from Provider " + code);
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isTrue();
    }

    @Test
    @DisplayName("PI7 X1 an extension agreed before the deadline moves the task's due date and the deadline timer: no reminder at the old deadline, the reminder and the contracts manager's notice at the new one")
    void extensionMovesTheReminder() throws Exception {
        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        assertThat(deadlineTimer(pi).getDuedate()).isEqualTo(timerAt(LocalDate.of(2027, 1, 28)));

        Scenario.now(LocalDateTime.of(2027, 1, 20, 10, 0));
        ResponseEntity<Map> agreed = extend(officer, pi, "2027-02-11", "Finance system being replaced");
        assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(agreed.getBody()).containsEntry("deadline", "2027-02-11")
                .containsEntry("originalDeadline", "2027-01-28").containsEntry("extensionAgreedBy", officer);
        PiReturn extended = returns.get(pi.getBusinessKey());
        assertThat(extended.getStatus()).isEqualTo(ReturnStatus.AWAITED);
        assertThat(extended.getDeadline()).isEqualTo(LocalDate.of(2027, 2, 11));
        assertThat(extended.getOriginalDeadline()).isEqualTo(LocalDate.of(2027, 1, 28));
        assertThat(extended.getExtensionReason()).isEqualTo("Finance system being replaced");
        assertThat(extended.getExtensionAgreedBy()).isEqualTo(officer);
        // X1 Tasklist shows the new due date; the timer waits for the new deadline
        assertThat(scenario.task(pi, "Task_SubmitReturn").getDueDate())
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 2, 11), Scenario.LONDON));
        assertThat(deadlineTimer(pi).getDuedate()).isEqualTo(timerAt(LocalDate.of(2027, 2, 11)));
        assertThat(runtimeService.getVariable(pi.getId(), "deadlineDate")).isEqualTo("2027-02-11");
        assertThat(runtimeService.getVariable(pi.getId(), "deadline")).isEqualTo("2027-02-11");

        // PI7 at the old deadline nothing is chased and the return is not late
        Scenario.now(LocalDateTime.of(2027, 1, 29, 8, 0));
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail())).noneMatch(subject -> subject.startsWith("Reminder"));
        assertThat(subjectsTo("contracts.manager@commissioning.example"))
                .noneMatch(subject -> subject.contains(pi.getBusinessKey()));
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isFalse();
        Scenario.now(LocalDateTime.of(2027, 2, 1, 7, 0));
        assertThat(reports.lateReturnsToReport().csv()).doesNotContain(pi.getBusinessKey());

        // PI7 at the new deadline: the reminder, the contracts manager is told, and the report counts it
        Scenario.now(LocalDateTime.of(2027, 2, 12, 8, 0));
        scenario.executeDueJobs(pi.getId());
        assertThat(subjectsTo(provider.getEmail()))
                .contains("Reminder: PI return " + pi.getBusinessKey() + " was due on Thu 11 Feb 2027");
        assertThat(subjectsTo("contracts.manager@commissioning.example"))
                .contains("Late PI return: " + pi.getBusinessKey() + " from Provider " + code);
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isTrue();
        assertThat(reports.lateReturnsToReport().csv()).contains(pi.getBusinessKey() + ",S" + code + ",Provider "
                + code + ",2027-02-11,not received,");

        // PI7 the deadline has passed: no further extension, the reason for lateness is recorded instead
        ExtensionState late = state(pi);
        ResponseEntity<Map> tooLate = extend(officer, pi, "2027-02-25", "Still waiting for the new system");
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLate.getBody().get("message").toString()).contains("deadline of 2027-02-11 has passed")
                .contains("reason for lateness");
        assertThat(state(pi)).isEqualTo(late);
    }

    @Test
    @DisplayName("PI7 X1 an extension is refused, leaving the return unchanged, for a date not later, without a reason, for anyone but the service's officer or a contracts manager (403), once submitted, or after the deadline; a return in by the agreed deadline is not late")
    void extensionRefusedAndInTimeByTheAgreedDeadline() throws Exception {
        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        String otherOfficer = "pi-po2-" + code;
        scenario.user(otherOfficer, "purchasing-officer");
        Scenario.now(LocalDateTime.of(2027, 1, 20, 10, 0));
        ExtensionState before = state(pi);

        assertRefused(extend(officer, pi, "2027-01-27", "Short of staff"), HttpStatus.BAD_REQUEST,
                "later than the current deadline of 2027-01-28");
        assertRefused(extend(officer, pi, "2027-01-28", "Short of staff"), HttpStatus.BAD_REQUEST,
                "later than the current deadline");
        assertRefused(extend(officer, pi, "2027-02-11", " "), HttpStatus.BAD_REQUEST, "Record why the deadline is extended");
        assertRefused(extendJson(officer, pi, "{\"deadline\":\"11/02/2027\",\"reason\":\"Short of staff\"}"),
                HttpStatus.BAD_REQUEST, "dates like");
        assertRefused(extendJson(officer, pi, "{\"reason\":\"Short of staff\"}"), HttpStatus.BAD_REQUEST,
                "Give the new deadline");
        assertRefused(extend(otherOfficer, pi, "2027-02-11", "Short of staff"), HttpStatus.FORBIDDEN,
                "own purchasing officer");
        assertRefused(extend(providerUser, pi, "2027-02-11", "Short of staff"), HttpStatus.FORBIDDEN,
                "purchasing officer or a contracts manager");
        assertThatThrownBy(() -> deadlines.agreeExtension(pi.getBusinessKey(), LocalDate.of(2027, 2, 11), "Short of staff",
                otherOfficer)).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("PI7");
        assertThat(state(pi)).isEqualTo(before);

        // a contracts manager may agree it too
        assertThat(extend(manager, pi, "2027-02-11", "Office flooded").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(returns.get(pi.getBusinessKey()).getExtensionAgreedBy()).isEqualTo(manager);

        // PI7 in after the old deadline but by the agreed one: not late, no lateness reason needed, not reported
        Scenario.now(LocalDateTime.of(2027, 2, 5, 9, 0));
        scenario.executeDueJobs(pi.getId());
        scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 20, null));
        assertThat(returns.get(pi.getBusinessKey()).isLate()).isFalse();
        assertThat(subjectsTo(provider.getEmail())).noneMatch(subject -> subject.startsWith("Reminder"));
        assertThat(reports.lateReturnsToReport().csv()).doesNotContain(pi.getBusinessKey());
        assertThat(reports.managementReport("2026/27", 3))
                .contains(pi.getBusinessKey() + ",S" + code + ",Service " + code + ",SUBMITTED,no");

        // once submitted, no extension
        ExtensionState submitted = state(pi);
        assertThatThrownBy(() -> deadlines.agreeExtension(pi.getBusinessKey(), LocalDate.of(2027, 2, 20), "More time",
                officer)).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("is submitted");
        assertRefused(extend(officer, pi, "2027-02-20", "More time"), HttpStatus.BAD_REQUEST, "is submitted");
        assertThat(state(pi)).isEqualTo(submitted);
        assertThat(returns.get(pi.getBusinessKey()).getExtensionReason()).isEqualTo("Office flooded");
        scenario.complete(officer, pi, "Task_CheckReturn", Map.of("checkOutcome", "accept"));
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.SIGNED_OFF);

        // after the deadline, once the reminder has gone: refused
        ProcessInstance overdue = request(2, "2027-02-01");
        scenario.executeDueJobs(overdue.getId());
        assertThat(returns.get(overdue.getBusinessKey()).isLate()).isTrue();
        ExtensionState lateState = state(overdue);
        assertRefused(extend(officer, overdue, "2027-02-20", "Short of staff"), HttpStatus.BAD_REQUEST,
                "deadline of 2027-02-01 has passed");
        assertThat(state(overdue)).isEqualTo(lateState);
    }

    @Test
    @DisplayName("PI2 PI4 bad input: unknown service or quarter, changed units without explanation, CSV with missing columns or an unknown indicator")
    void badInput() {
        assertThatThrownBy(() -> scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return",
                Map.of("serviceCode", "NOPE", "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28"))))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("no contracted service with code NOPE");
        assertThatThrownBy(() -> request(5, "2027-01-28"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("A quarter is 1 to 4");
        assertThatThrownBy(() -> scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return",
                Map.of("serviceCode", "S" + code, "reportingYear", "2027/28", "quarter", 1, "deadline", "2027-07-28"))))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("no workbook for 2027/28");

        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        assertThatThrownBy(() -> scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 24, null)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("The contract page has 20 units and the return reports 24: explain the change");
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.AWAITED);

        ResponseEntity<Map> missing = upload(providerUser, pi, "dcc_code,units,KPI1,SPI1\nDCC-2026,20,93,96");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("message").toString()).contains("missing the column(s) SPI2, SPI3, SPI4, local_pis");
        ResponseEntity<Map> unknown = upload(providerUser, pi, HEADER + ",SPI9\nDCC-2026,20,,93,96,93,95,90,ok,,50");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("message").toString()).contains("Unknown indicator SPI9");
        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.AWAITED);

        scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 24, "Four new flats"));
        assertThat(returns.get(pi.getBusinessKey()).getUnitsReported()).isEqualTo(24);
    }

    @Test
    @DisplayName("PI1 the contract page is locked; a change makes V2, and once a quarter is returned it needs a date it takes effect from")
    void workbookVersions() {
        assertThatThrownBy(() -> workbooks.issue("S" + code, "2026/27", page(20), null, "no change", officer))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("unchanged; it stays locked as V1");
        ProcessInstance pi = request(3, "2027-01-28");
        scenario.executeDueJobs(pi.getId());
        scenario.complete(providerUser, pi, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 20, null));
        assertThatThrownBy(() -> workbooks.issue("S" + code, "2026/27", page(24), null, "Four new flats", officer))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("state the date from which the change");
        Workbook v2 = workbooks.issue("S" + code, "2026/27", page(24), LocalDate.of(2027, 1, 1), "Four new flats", officer);
        assertThat(v2.versionLabel()).isEqualTo("V2");
        assertThat(v2.getEffectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    @DisplayName("PI7 PI8 a month into the next quarter the management and late-returns reports go to the CSG and the commissioning body")
    void quarterlyReports() throws Exception {
        ProcessInstance missing = request(3, "2027-01-28");
        scenario.executeDueJobs(missing.getId());
        Scenario.now(LocalDateTime.of(2027, 2, 1, 7, 0));
        scenario.executeDueJobs(missing.getId());
        for (org.camunda.bpm.engine.runtime.Job timer : managementService.createJobQuery()
                .processDefinitionKey("pi-quarterly-reports").timers().list()) {
            managementService.executeJob(timer.getId());
        }
        for (org.camunda.bpm.engine.runtime.Job job : managementService.createJobQuery()
                .processDefinitionKey("pi-quarterly-reports").executable().list()) {
            managementService.executeJob(job.getId());
        }
        for (String to : List.of("csg@commissioning.example", "commissioning.body@commissioning.example")) {
            MimeMessage report = lastMailTo(to);
            assertThat(report.getSubject()).startsWith("PI reports for 2026/27 quarter 3: ");
            String late = attachment(report, "pi-late-returns-2026Q3.csv");
            assertThat(late).startsWith("reference,service_code,provider,deadline,received,lateness_reason")
                    .contains(missing.getBusinessKey() + ",S" + code + ",Provider " + code + ",2027-01-28,not received,");
            assertThat(attachment(report, "pi-management-report-2026Q3.csv"))
                    .contains(missing.getBusinessKey() + ",S" + code + ",Service " + code + ",AWAITED,yes");
        }
    }

    @Test
    @DisplayName("PI7 every late return reaches the next quarterly report whatever its quarter: a deadline after a run waits for the next one; a return still not in is reported again, a received one is not")
    void everyLateReturnIsReported() throws Exception {
        ProcessInstance dueInJanuary = request(3, "2027-01-28");
        ProcessInstance dueAfterTheRun = request(2, "2027-02-15");
        scenario.executeDueJobs(dueInJanuary.getId());
        scenario.executeDueJobs(dueAfterTheRun.getId());

        Scenario.now(LocalDateTime.of(2027, 2, 1, 7, 0));
        scenario.executeDueJobs(dueInJanuary.getId());
        runQuarterlyReports();
        String february = attachment(lastMailTo("csg@commissioning.example"), "pi-late-returns-2026Q3.csv");
        assertThat(february).contains(dueInJanuary.getBusinessKey() + ",S" + code + ",Provider " + code
                + ",2027-01-28,not received,,2026/27,3").doesNotContain(dueAfterTheRun.getBusinessKey());

        Scenario.now(LocalDateTime.of(2027, 2, 5, 9, 0));
        scenario.complete(providerUser, dueInJanuary, "Task_SubmitReturn", form(93, 96, 93, 95, 90, 20, null));
        Scenario.now(LocalDateTime.of(2027, 2, 16, 8, 0));
        scenario.executeDueJobs(dueAfterTheRun.getId());

        Scenario.now(LocalDateTime.of(2027, 5, 1, 7, 0));
        runQuarterlyReports();
        String may = attachment(lastMailTo("commissioning.body@commissioning.example"), "pi-late-returns-2026Q4.csv");
        assertThat(may).as("the Q2 return late since February, still not in")
                .contains(dueAfterTheRun.getBusinessKey() + ",S" + code + ",Provider " + code
                        + ",2027-02-15,not received,,2026/27,2")
                .as("reported in February and received since").doesNotContain(dueInJanuary.getBusinessKey());
        assertThat(returns.get(dueAfterTheRun.getBusinessKey()).getLateReportedOn()).isEqualTo(LocalDate.of(2027, 5, 1));
    }

    /** The scheduled run of pi-quarterly-reports, as the job executor would fire it now. */
    private void runQuarterlyReports() {
        for (org.camunda.bpm.engine.runtime.Job timer : managementService.createJobQuery()
                .processDefinitionKey("pi-quarterly-reports").timers().list()) {
            managementService.executeJob(timer.getId());
        }
        for (org.camunda.bpm.engine.runtime.Job job : managementService.createJobQuery()
                .processDefinitionKey("pi-quarterly-reports").executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    /** What an agreed extension changes: on the return, on the open task, on the deadline timer and in variables. */
    record ExtensionState(LocalDate deadline, LocalDate extendedDeadline, String reason, String agreedBy,
            Date taskDue, Date timerDue, Object deadlineVariable, Object deadlineAtVariable) {
    }

    private ExtensionState state(ProcessInstance pi) {
        PiReturn r = returns.get(pi.getBusinessKey());
        var task = scenario.task(pi, "Task_SubmitReturn");
        Job timer = deadlineTimer(pi);
        return new ExtensionState(r.getDeadline(), r.getExtendedDeadline(), r.getExtensionReason(),
                r.getExtensionAgreedBy(), task == null ? null : task.getDueDate(),
                timer == null ? null : timer.getDuedate(), runtimeService.getVariable(pi.getId(), "deadline"),
                runtimeService.getVariable(pi.getId(), "deadlineAt"));
    }

    private Job deadlineTimer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId("StartEvent_DeadlinePassed").timers().singleResult();
    }

    /**
     * The model's timer date {@code ${deadlineTimer.at(execution)}}: the end of the deadline day in London
     * (care.zone), 00:00 the next day, the same instant as the submit task's due date (X1).
     */
    private static Date timerAt(LocalDate deadline) {
        return Date.from(deadline.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    private ResponseEntity<Map> extend(String user, ProcessInstance pi, String deadline, String reason) {
        return extendJson(user, pi, "{\"deadline\":\"" + deadline + "\",\"reason\":\"" + reason + "\"}");
    }

    private ResponseEntity<Map> extendJson(String user, ProcessInstance pi, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity("/api/pi-returns/{ref}/extension",
                new HttpEntity<>(json, headers), Map.class, pi.getBusinessKey());
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String message) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody().get("message").toString()).contains(message);
    }

    private static MimeMessage lastMailTo(String address) throws Exception {
        MimeMessage last = null;
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                last = message;
            }
        }
        assertThat(last).as("a mail to " + address).isNotNull();
        return last;
    }

    private static String attachment(MimeMessage message, String fileName) throws Exception {
        jakarta.mail.internet.MimeMultipart multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (fileName.equals(multipart.getBodyPart(i).getFileName())) {
                return new String(multipart.getBodyPart(i).getInputStream().readAllBytes());
            }
        }
        throw new AssertionError("No attachment " + fileName);
    }

    private ProcessInstance request(int quarter, String deadline) {
        return scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return", Map.of(
                "serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", quarter, "deadline", deadline)));
    }

    private static Map<String, Object> form(double kpi1, double spi1, double spi2, double spi3, double spi4, int units,
            String unitsExplanation) {
        Map<String, Object> form = new HashMap<>(Map.of("dccCode", "DCC-2026", "unitsReported", units, "kpi1", kpi1,
                "spi1", spi1, "spi2", spi2, "spi3", spi3, "spi4", spi4, "localPis", "All complete"));
        if (unitsExplanation != null) {
            form.put("unitsChangeExplanation", unitsExplanation);
        }
        return form;
    }

    private static ContractPage page(int units) {
        return new ContractPage("DCC-2026", "Derbyshire County Council", units, "OVER_2", true, "A. Manager",
                new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5"));
    }

    private ResponseEntity<Map> upload(String user, ProcessInstance pi, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return rest.withBasicAuth(user, user).postForEntity("/api/pi-returns/{ref}/workbook",
                new HttpEntity<>(csv, headers), Map.class, pi.getBusinessKey());
    }

    private static List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : TestSmtp.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
