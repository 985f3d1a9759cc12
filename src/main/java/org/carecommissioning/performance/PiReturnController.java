package org.carecommissioning.performance;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.shared.NotFound;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PI2: the provider uploads the quarter's workbook as CSV. The upload completes the provider's own submission
 * task as the logged-in user, so the engine's task authorization decides who may submit: another provider's
 * staff cannot see the task and get "no return awaiting".
 */
@RestController
class PiReturnController {

    private final TaskService taskService;

    PiReturnController(TaskService taskService) {
        this.taskService = taskService;
    }

    @PostMapping(value = "/api/pi-returns/{reference}/workbook", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    Map<String, Object> upload(@PathVariable String reference, @RequestBody String csv) {
        Map<String, Object> variables = WorkbookCsv.parse(csv);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_SubmitReturn").singleResult();
        if (task == null) {
            throw new NotFound("No return " + reference + " is awaiting your submission.");
        }
        taskService.complete(task.getId(), variables);
        return Map.of("reference", reference, "status", "submitted");
    }
}
