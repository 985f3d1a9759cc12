package org.carecommissioning.performance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
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
 * <p>
 * PI7: the service's purchasing officer, or a contracts manager, agrees a later deadline while the return is
 * awaited.
 */
@RestController
class PiReturnController {

    private final TaskService taskService;
    private final PiReturns returns;
    private final ReturnDeadlines deadlines;
    private final ContractServices services;
    private final Caller caller;

    PiReturnController(TaskService taskService, PiReturns returns, ReturnDeadlines deadlines, ContractServices services,
            Caller caller) {
        this.taskService = taskService;
        this.returns = returns;
        this.deadlines = deadlines;
        this.services = services;
        this.caller = caller;
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

    /** PI7, X1: {@code {"deadline":"2027-02-11","reason":"..."}}; the task's due date and the reminder move with it. */
    @PostMapping(value = "/api/pi-returns/{reference}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> extend(@PathVariable String reference, @RequestBody ExtensionRequest request) {
        caller.requireAnyOf("Only the service's purchasing officer or a contracts manager can agree an extension"
                + " of a PI return's deadline.", Roles.CONTRACTS_MANAGER, Roles.PURCHASING_OFFICER);
        String userId = caller.userId();
        if (!caller.isIn(Roles.CONTRACTS_MANAGER)) {
            services.requireOfficerOrContractsManager(userId, returns.serviceOf(returns.get(reference)),
                    "can agree an extension of its PI return");
        }
        PiReturn extended = deadlines.agreeExtension(reference, request.deadline(), request.reason(), userId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", extended.getReference());
        view.put("status", extended.getStatus().name());
        view.put("deadline", extended.getDeadline().toString());
        view.put("originalDeadline", extended.getOriginalDeadline().toString());
        view.put("extensionReason", extended.getExtensionReason());
        view.put("extensionAgreedBy", extended.getExtensionAgreedBy());
        return view;
    }

    /** A date the JSON cannot be read as (not like 2027-02-11) is refused with 400 before anything is looked up. */
    record ExtensionRequest(LocalDate deadline, String reason) {
    }
}
