package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PI2 PI7: the deadline's reminder e-mails are jobs of the same return that run beside the provider's "Submit PI
 * return" task. They end their event sub-process inside the deadline watch, which rewrites only the watch's
 * executions, never the return's: the provider's late submission succeeds although the reminder jobs run and commit
 * at that very moment ({@link RivalCompletion}).
 */
@ApplicationTest
class PiReturnReminderRaceTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    Workbooks workbooks;
    @Autowired
    PiReturns returns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PI2 PI7 a late return is submitted although the reminder e-mail jobs of the return run at the same moment")
    void lateReturnSubmittedWhileRemindersRun() {
        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        String code = Scenario.uniqueCode("PRR");
        Organisation provider = scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code,
                code.toLowerCase() + "@p.example"));
        String officer = "prr-po-" + code.toLowerCase();
        String providerUser = "prr-pr-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
        scenario.user(providerUser, "provider", provider.getGroupId());
        services.register("S" + code, "Service " + code, code, "Young people", "Supported housing", PriorityLevel.GREEN,
                officer, LocalDate.of(2027, 6, 1));
        workbooks.issue("S" + code, "2026/27", new ContractPage("DCC-2026", "Derbyshire County Council", 20, "OVER_2",
                true, "A. Manager", new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("2.5")), null, null, officer);
        ProcessInstance pi = scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("pi-return", Map.of(
                "serviceCode", "S" + code, "reportingYear", "2026/27", "quarter", 3, "deadline", "2027-01-28")));
        scenario.executeDueJobs(pi.getId());
        Scenario.now(LocalDateTime.of(2027, 1, 29, 9, 0));
        execute(pi, "StartEvent_DeadlinePassed");
        execute(pi, "Task_MarkOverdue");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_SendReturnReminder")
                .count()).isEqualTo(1);

        RivalCompletion.before(scenario.task(pi, "Task_SubmitReturn").getId(), () -> scenario.executeDueJobs(pi.getId()));
        scenario.complete(providerUser, pi, "Task_SubmitReturn", Map.of("dccCode", "DCC-2026", "unitsReported", 20,
                "kpi1", 93, "spi1", 96, "spi2", 93, "spi3", 95, "spi4", 90, "localPis", "All complete"));

        assertThat(returns.get(pi.getBusinessKey()).getStatus()).isEqualTo(ReturnStatus.SUBMITTED);
        assertThat(scenario.task(pi, "Task_CheckReturn")).isNotNull();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_SendLateReturnNotice")
                .count()).as("both reminder e-mails ran").isZero();
    }

    private void execute(ProcessInstance pi, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).singleResult().getId());
    }
}
