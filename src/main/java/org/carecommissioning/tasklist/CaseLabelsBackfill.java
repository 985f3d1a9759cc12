package org.carecommissioning.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.cluster.StartupWriter;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, labels the open tasks created before {@link CaseLabelsListener} existed (a database kept across
 * releases, the demo's ./data), so their cards name their case too. Tasks already labelled are left alone; runs under
 * the cluster's start-up lock, so two nodes never label the same task twice.
 */
@Component
@Order(11)
class CaseLabelsBackfill implements StartupWriter {

    private static final List<String> SOURCES = List.of("referralNumber", "invoiceNumber", "meetingReference",
            "returnReference", "partnershipReference", "serviceName", "organisationName", "providerName");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final SystemAuthority system;

    CaseLabelsBackfill(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            SystemAuthority system) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.system = system;
    }

    @Override
    public void write() {
        system.run(this::labelUnlabelledTasks);
    }

    /** @return how many tasks were labelled */
    int labelUnlabelledTasks() {
        int count = 0;
        for (Task task : unlabelledTasks()) {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId(), SOURCES);
            Map<String, Object> labels = CaseLabels.of(instance.getBusinessKey(), variables::get);
            if (!labels.isEmpty()) {
                taskService.setVariablesLocal(task.getId(), labels);
                count++;
            }
        }
        return count;
    }

    /**
     * The open process tasks without a case reference, found by the database: a restart with every task labelled
     * reads no task at all, however many are open.
     */
    private List<Task> unlabelledTasks() {
        String tasks = managementService.getTableName(Task.class);
        // the engine names no API type for its runtime variables' table; it has the tasks' prefix
        String variables = tasks.replace("ACT_RU_TASK", "ACT_RU_VARIABLE");
        return taskService.createNativeTaskQuery().sql("SELECT RES.* FROM " + tasks + " RES WHERE RES.EXECUTION_ID_ IS "
                + "NOT NULL AND NOT EXISTS (SELECT 1 FROM " + variables + " V WHERE V.TASK_ID_ = RES.ID_ AND V.NAME_ = "
                + "#{label})").parameter("label", CaseLabels.CASE_REFERENCE).list();
    }
}
