package org.carecommissioning.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
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
    private final SystemAuthority system;

    CaseLabelsBackfill(TaskService taskService, RuntimeService runtimeService, SystemAuthority system) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Override
    public void write() {
        system.run(this::labelUnlabelledTasks);
    }

    /** @return how many tasks were labelled */
    int labelUnlabelledTasks() {
        Set<String> labelled = runtimeService.createVariableInstanceQuery().variableName(CaseLabels.CASE_REFERENCE)
                .list().stream().map(VariableInstance::getTaskId).filter(id -> id != null).collect(Collectors.toSet());
        int count = 0;
        for (Task task : taskService.createTaskQuery().list()) {
            if (task.getExecutionId() == null || labelled.contains(task.getId())) {
                continue;
            }
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
}
