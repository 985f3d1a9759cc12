package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.contractmanagement.MeetingService;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Q2 on the whole application: planning the service's next meeting (cmm-next-meeting's due date) schedules its QAF 3
 * months before; bringing the meeting forward moves the schedule; the engine's clock reaching the issue date issues
 * the QAF, due back 6 weeks before the meeting; a planned meeting of the same cycle issues no second QAF.
 */
@ApplicationTest
class QafSchedulingTest {

    @Autowired
    Scenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingPlanning planning;
    @Autowired
    MeetingService meetings;
    @Autowired
    QafReturns returns;

    String code;
    ContractedService service;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 2, 9, 0));
        code = Scenario.uniqueCode("QS");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code.toLowerCase() + "@p.example"));
        scenario.user("qs-po-" + code.toLowerCase(), "purchasing-officer");
        service = scenario.asSystem(() -> services.register("S" + code, "Service " + code, code, "Older people",
                "Sheltered housing", PriorityLevel.GREEN, "qs-po-" + code.toLowerCase(), LocalDate.of(2027, 4, 12)));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Q2 X1 the next meeting's due date schedules the QAF 3 months before it; at that date it is issued,"
            + " due back 6 weeks before the meeting; the meeting then planned a week earlier issues no second QAF and"
            + " the QAF's dates move with it")
    void issuedThreeMonthsBefore() {
        scenario.asSystem(() -> planning.scheduleNext("S" + code));
        ProcessInstance schedule = schedules().get(0);
        assertThat(schedule.getBusinessKey()).isEqualTo("QAFSCHED-S" + code + "-20270412");
        Job timer = timer(schedule);
        assertThat(timer.getDuedate()).isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 1, 12)));
        assertThat(managementService.createJobQuery().processInstanceId(schedule.getId()).executable().count())
                .as("not before the issue date").isZero();

        Scenario.now(LocalDateTime.of(2027, 1, 12, 8, 0));
        scenario.executeDueJobs(schedule.getId());
        String reference = "QAF-S" + code + "-2026-1";
        QafReturn qaf = returns.get(reference);
        assertThat(qaf.getMeetingDate()).isEqualTo(LocalDate.of(2027, 4, 12));
        assertThat(qaf.getDueOn()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(qaf.getVariant()).isEqualTo(QafVariant.FULL);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("qaf-return")
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
        assertThat(schedules()).isEmpty();

        ProcessInstance issued = runtimeService.createProcessInstanceQuery().processDefinitionKey("qaf-return")
                .processInstanceBusinessKey(reference).singleResult();
        scenario.executeDueJobs(issued.getId());
        scenario.asSystem(() -> meetings.plan("S" + code, LocalDate.of(2027, 4, 5), null));
        assertThat(schedules()).as("the QAF of this cycle is issued").isEmpty();
        QafReturn moved = returns.get(reference);
        assertThat(moved.getMeetingDate()).as("Q2: it moves with the planned meeting").isEqualTo(LocalDate.of(2027, 4, 5));
        assertThat(moved.getDueOn()).isEqualTo(LocalDate.of(2027, 2, 22));
        // the model's "Meeting moved" path: the dates moved, the provider is e-mailed the new deadline (its own job)
        scenario.executeDueJobs(issued.getId());
        assertThat(scenario.task(issued, "Task_CompleteSelfAssessment").getDueDate())
                .isEqualTo(Date.from(LocalDateTime.of(2027, 2, 22, 23, 59, 59).atZone(Scenario.LONDON).toInstant()));
        assertThat(managementService.createJobQuery().processInstanceId(issued.getId()).timers().singleResult()
                .getDuedate()).isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 2, 23)));
        assertThat(runtimeService.getVariable(issued.getId(), "dueDateText")).isEqualTo("Mon 22 Feb 2027");
    }

    @Test
    @DisplayName("Q2 X1 bringing the meeting forward cancels the waiting schedule; the new issue date has passed, so"
            + " the QAF is issued at once for the new date")
    void broughtForward() {
        scenario.asSystem(() -> planning.scheduleNext("S" + code));
        ProcessInstance first = schedules().get(0);

        scenario.asSystem(() -> planning.bringForward(service.getId()));
        LocalDate due = LocalDate.of(2026, 12, 14);
        List<ProcessInstance> now = schedules();
        assertThat(now).hasSize(1);
        assertThat(now.get(0).getId()).isNotEqualTo(first.getId());
        assertThat(now.get(0).getBusinessKey()).isEqualTo("QAFSCHED-S" + code + "-20261214");
        assertThat(timer(now.get(0)).getDuedate()).as("at once").isBeforeOrEqualTo(ClockUtil.getCurrentTime());

        scenario.executeDueJobs(now.get(0).getId());
        QafReturn qaf = returns.get("QAF-S" + code + "-2026-1");
        assertThat(qaf.getMeetingDate()).isEqualTo(due);
        assertThat(qaf.getDueOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    private List<ProcessInstance> schedules() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("qaf-schedule")
                .variableValueEquals("serviceCode", "S" + code).list();
    }

    private Job timer(ProcessInstance schedule) {
        return managementService.createJobQuery().processInstanceId(schedule.getId()).timers().singleResult();
    }
}
