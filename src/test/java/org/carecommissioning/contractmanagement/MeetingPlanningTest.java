package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C1, C2, C6, PI5: each service's next meeting is planned from the date its priority level sets. */
@ApplicationTest
class MeetingPlanningTest {

    @Autowired
    Scenario scenario;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ContractServices services;
    @Autowired
    MeetingPlanning planning;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    String code;
    String officer;

    @BeforeEach
    void world() {
        Scenario.now(LocalDateTime.of(2026, 11, 22, 9, 0));
        code = Scenario.uniqueCode("NM");
        scenario.asSystem(() -> organisations.registerProvider(code, "Provider " + code, code.toLowerCase() + "@p.example"));
        officer = "po-" + code.toLowerCase();
        scenario.user(officer, "purchasing-officer");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("C1 C2 X1 planning opens 8 weeks before the meeting is due and is due 4 weeks before; a date under 4 weeks ahead is refused; the chosen date starts the meeting")
    void planningOpensEightWeeksAhead() {
        register(LocalDate.of(2027, 3, 1));
        ProcessInstance planner = planner(planning.scheduleNext("S" + code));
        assertThat(planner.getBusinessKey()).isEqualTo("PLAN-S" + code + "-20270301");
        Job opens = managementService.createJobQuery().processInstanceId(planner.getId()).timers().singleResult();
        assertThat(opens.getDuedate()).as("56 days before 1 March").isEqualTo(Scenario.londonStartOf(LocalDate.of(2027, 1, 4)));
        assertThat(scenario.task(planner, MeetingPlanning.PLAN_TASK)).isNull();

        Scenario.now(LocalDateTime.of(2027, 1, 4, 9, 0));
        managementService.executeJob(opens.getId());
        Task plan = scenario.task(planner, MeetingPlanning.PLAN_TASK);
        assertThat(plan.getAssignee()).isEqualTo(officer);
        assertThat(plan.getDueDate()).as("by the end of 1 February: 4 weeks' notice before 1 March")
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2027, 2, 1), Scenario.LONDON));

        assertThatThrownBy(() -> scenario.complete(officer, planner, MeetingPlanning.PLAN_TASK,
                Map.of("meetingDate", "2027-01-20")))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("on or after 2027-02-01");
        assertThat(scenario.task(planner, MeetingPlanning.PLAN_TASK)).as("the task stays open").isNotNull();
        assertThat(meetingsOfService()).isZero();

        scenario.complete(officer, planner, MeetingPlanning.PLAN_TASK, Map.of("meetingDate", "2027-02-22"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("contract-management-meeting")
                .processInstanceBusinessKey("CMM-S" + code + "-20270222").count()).isEqualTo(1);
        assertThat(endOf(planner)).isEqualTo("EndEvent_MeetingPlanned");
    }

    @Test
    @DisplayName("C2 a meeting planned from the start form ends the service's wait to plan one")
    void plannedFromStartForm() {
        register(LocalDate.of(2027, 3, 1));
        ProcessInstance planner = planner(planning.scheduleNext("S" + code));
        scenario.as(officer, () -> runtimeService.startProcessInstanceByKey("contract-management-meeting",
                Map.of("serviceCode", "S" + code, "meetingDate", "2027-01-25")));
        assertThat(endOf(planner)).isEqualTo("EndEvent_NotNeededEarly");
    }

    @Test
    @DisplayName("C1 C6 a new wait for the service's next meeting replaces the old one")
    void scheduleNextReplacesTheOldWait() {
        register(LocalDate.of(2027, 3, 1));
        ProcessInstance first = planner(planning.scheduleNext("S" + code));
        planning.scheduleNext("S" + code);
        assertThat(endOf(first)).isEqualTo("EndEvent_NotNeededEarly");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MeetingPlanning.PROCESS_KEY)
                .variableValueEquals("serviceCode", "S" + code).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("PI5 bringing the next meeting forward opens its planning task at once, due within two weeks; an open task gets the earlier due date")
    void bringForward() {
        ContractedService service = register(LocalDate.of(2027, 6, 1));
        ProcessInstance planner = planner(planning.scheduleNext("S" + code));

        LocalDate due = planning.bringForward(service.getId());
        assertThat(due).as("6 weeks from 22 November").isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(services.byCode("S" + code).getNextMeetingDue()).isEqualTo(LocalDate.of(2027, 1, 3));
        Task plan = scenario.task(planner, MeetingPlanning.PLAN_TASK);
        assertThat(plan).as("no waiting for the 8-week timer").isNotNull();
        // X1: 4 weeks before Sunday 3 January is Sunday 6 December: the end of Friday 4 December
        assertThat(plan.getDueDate()).isEqualTo(ProcessDates.endOfDay(LocalDate.of(2026, 12, 4), Scenario.LONDON));

        Scenario.now(LocalDateTime.of(2026, 11, 29, 9, 0));
        assertThat(planning.bringForward(service.getId())).as("a due date already sooner is kept")
                .isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(scenario.task(planner, MeetingPlanning.PLAN_TASK).getDueDate())
                .isEqualTo(ProcessDates.endOfDay(LocalDate.of(2026, 12, 4), Scenario.LONDON));
    }

    private ContractedService register(LocalDate nextMeetingDue) {
        return services.register("S" + code, "Service " + code, code, "Older people", "Floating support",
                PriorityLevel.AMBER, officer, nextMeetingDue);
    }

    private ProcessInstance planner(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(MeetingPlanning.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    private long meetingsOfService() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("contract-management-meeting")
                .variableValueEquals("serviceCode", "S" + code).count();
    }

    private String endOf(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndActivityId();
    }
}
