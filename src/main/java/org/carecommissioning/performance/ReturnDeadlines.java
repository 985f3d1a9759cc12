package org.carecommissioning.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.SystemAuthority;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** PI7, X1: a return's deadline, and the running process's task and timer that follow it, moved by an extension. */
@Service
public class ReturnDeadlines {

    /** The quarterly PI return process (processes/pi-return.bpmn) and the elements an extension moves. */
    static final String PROCESS_KEY = "pi-return";
    static final String SUBMIT_TASK = "Task_SubmitReturn";
    static final String DEADLINE_TIMER = "StartEvent_DeadlinePassed";

    private final PiReturns returns;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ContractServices services;
    private final SystemAuthority systemAuthority;
    private final DeadlineTimer deadlineTimer;
    private final Clock clock;

    ReturnDeadlines(PiReturns returns, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, ContractServices services, SystemAuthority systemAuthority,
            DeadlineTimer deadlineTimer, Clock clock) {
        this.returns = returns;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.services = services;
        this.systemAuthority = systemAuthority;
        this.deadlineTimer = deadlineTimer;
        this.clock = clock;
    }

    /**
     * PI7, X1: the service's purchasing officer (or a contracts manager) agrees a later deadline while the return is
     * still awaited. The return records the new deadline, the reason and who agreed it; the running process moves
     * with it: its deadline variables, the open "Submit PI return" task's due date and the deadline timer, so the
     * reminder and the contracts manager's notice come only if the return is not in by the new deadline.
     * <p>
     * Decision: once the deadline has passed (the timer has fired, or the day is over) the return is late and stays
     * late: an extension cannot undo the reminder already sent or the report to the CSG, so it is refused and the
     * reason for lateness is recorded at the check instead. Every refusal writes nothing.
     */
    @Transactional
    public PiReturn agreeExtension(String reference, LocalDate newDeadline, String reason, String officerUserId) {
        if (newDeadline == null) {
            throw new BusinessRuleViolation("PI7", "Give the new deadline, a date like 2027-02-11.");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("PI7", "Record why the deadline is extended.");
        }
        FormValues.plausibleDate(newDeadline, "PI7", "The new deadline");
        FormValues.limited(reason.trim(), PerformanceLimits.EXTENSION_REASON, "PI7", "The reason for the extension");
        PiReturn piReturn = returns.get(reference);
        if (piReturn.getStatus() != ReturnStatus.AWAITED && piReturn.getStatus() != ReturnStatus.RETURNED_TO_PROVIDER) {
            throw new BusinessRuleViolation("PI7", "Return " + reference + " is " + PiReturns.describe(piReturn.getStatus())
                    + "; a deadline can be extended only while the return is awaited from the provider.");
        }
        ContractedService service = returns.serviceOf(piReturn);
        if (!services.isOfficerOrContractsManager(officerUserId, service)) {
            throw new BusinessRuleViolation("PI7", "Only " + service.getServiceCode() + "'s purchasing officer or a"
                    + " contracts manager can agree an extension of its PI return.");
        }
        LocalDate current = piReturn.getDeadline();
        if (!newDeadline.isAfter(current)) {
            throw new BusinessRuleViolation("PI7", "The new deadline must be later than the current deadline of "
                    + current + ".");
        }
        ProcessInstance instance = systemAuthority.call(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference).active().singleResult());
        if (instance == null) {
            throw new BusinessRuleViolation("PI7", "Return " + reference + " has no running process to extend.");
        }
        Job timer = systemAuthority.call(() -> managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(DEADLINE_TIMER).timers().singleResult());
        if (piReturn.isLate() || ProcessDates.isLate(current, LocalDate.now(clock)) || timer == null) {
            throw new BusinessRuleViolation("PI7", "The deadline of " + current + " has passed and the return is"
                    + " late; it can no longer be extended. Record the reason for lateness when the return is checked.");
        }

        piReturn.extendDeadline(newDeadline, reason.trim(), officerUserId, LocalDateTime.now(clock));
        // the engine's housekeeping is the system's: the officer needs no permission to change instances or jobs
        systemAuthority.run(() -> {
            Date dueAt = ProcessDates.endOfDay(newDeadline, clock.getZone());
            // the same three variables the open-return step sets: "deadline" feeds the timer's expression
            // ${deadlineTimer.at(execution)} (should its due date be recalculated), "deadlineDate" the task's
            // form, "deadlineAt" the task's due date
            runtimeService.setVariables(instance.getId(), Map.of("deadline", newDeadline.toString(),
                    "deadlineDate", newDeadline.toString(), "deadlineAt", dueAt,
                    "deadlineDateText", DisplayDates.date(newDeadline)));
            for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(SUBMIT_TASK).list()) {
                task.setDueDate(dueAt);
                taskService.saveTask(task);
            }
            // X1: once the new deadline day is over, as the model's timer expression computes it
            managementService.setJobDuedate(timer.getId(), deadlineTimer.at(newDeadline));
        });
        return piReturn;
    }
}
