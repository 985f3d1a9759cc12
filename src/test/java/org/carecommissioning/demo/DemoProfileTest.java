package org.carecommissioning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.security.Roles;
import org.carecommissioning.support.TestSmtp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile as a newcomer starts it (its own database; the in-process mail catcher off, GreenMail instead):
 * the demo users cover every group, the SP manager and the head of contracts included, and the demo service SP101,
 * never consulted, has its "Plan service-user consultation" task waiting for the demo purchasing officer at once (U1).
 * Starting again duplicates nothing and does not run the schedule again. Runs outside the shared test context's JVM
 * (pom: *ProfileTest), and its engine has a name of its own, so it never replaces another context's engine "default" in
 * Camunda's engine registry.
 */
@ExtendWith(TestSmtp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:care-demo;DB_CLOSE_DELAY=-1", "care.demo.mail-catcher=false",
        "camunda.bpm.process-engine-name=demo-profile-test"})
@ActiveProfiles({"test", "demo"})
class DemoProfileTest {

    @Autowired
    DemoData demoData;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("U1 demo: SP101's plan task waits for the demo purchasing officer at start-up; the SP manager and the"
            + " head of contracts are demo users; a restart duplicates nothing")
    void consultationDueAtStartUp() throws Exception {
        for (String group : List.of(Roles.PURCHASING_OFFICER, Roles.CONTRACTS_MANAGER, Roles.SP_MANAGER,
                Roles.HEAD_OF_CONTRACTS, Roles.PROVIDER)) {
            assertThat(identityService.createUserQuery().userId(group).memberOfGroup(group).count()).as(group)
                    .isEqualTo(1);
        }
        runScheduleJobs();
        assertPlanTaskOnce();

        demoData.write();
        runScheduleJobs();
        demoData.write();
        runScheduleJobs();

        assertPlanTaskOnce();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contracted_service WHERE service_code = 'SP101'",
                Long.class)).isEqualTo(1);
        assertThat(managementService.createJobQuery().processDefinitionKey(DemoData.CONSULTATION_SCHEDULE).timers()
                .count()).as("the daily timer waits for the next morning").isEqualTo(1);
    }

    @Test
    @DisplayName("U1 demo: a restart does not run the consultation schedule again (the plan task is there from the first"
            + " start); its daily timer keeps waiting for the next morning; every group keeps its one demo user")
    void restartRunsNoSchedule() {
        Job timer = managementService.createJobQuery().processDefinitionKey(DemoData.CONSULTATION_SCHEDULE).timers()
                .singleResult();
        long runs = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(DemoData.CONSULTATION_SCHEDULE).count();
        assertThat(runs).as("the first start ran the schedule").isEqualTo(1);

        demoData.write();

        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(DemoData.CONSULTATION_SCHEDULE).count()).isEqualTo(runs);
        Job after = managementService.createJobQuery().processDefinitionKey(DemoData.CONSULTATION_SCHEDULE).timers()
                .singleResult();
        assertThat(after.getId()).isEqualTo(timer.getId());
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
        for (String group : Roles.ALL) {
            assertThat(identityService.createUserQuery().userId(group).memberOfGroup(group).count()).as(group)
                    .isEqualTo(1);
        }
    }

    /** The schedule's steps are asynchronous: run them as the job executor (off in tests) would. */
    private void runScheduleJobs() {
        List<Job> jobs = managementService.createJobQuery().processDefinitionKey(DemoData.CONSULTATION_SCHEDULE)
                .executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
            jobs = managementService.createJobQuery().processDefinitionKey(DemoData.CONSULTATION_SCHEDULE)
                    .executable().list();
        }
    }

    private void assertPlanTaskOnce() {
        List<Task> plan = taskService.createTaskQuery().processInstanceBusinessKey("SUCDUE-SP101").list();
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).getTaskDefinitionKey()).isEqualTo("Task_PlanDueConsultation");
        assertThat(plan.get(0).getAssignee()).isEqualTo(Roles.PURCHASING_OFFICER);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("consultation-due").count())
                .isEqualTo(1);
    }
}
