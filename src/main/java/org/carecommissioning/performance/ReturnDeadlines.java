package org.carecommissioning.performance;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PI7, X1: who may agree a later deadline for a return, and when. An agreed extension is the message Extension agreed
 * of processes/pi-return.bpmn; the model records it and moves the task and the timer.
 */
@Service
public class ReturnDeadlines {

    /** The quarterly PI return process (processes/pi-return.bpmn) and its deadline timer, gone once it has fired. */
    static final String PROCESS_KEY = "pi-return";
    static final String DEADLINE_TIMER = "StartEvent_DeadlinePassed";

    private final PiReturns returns;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ContractServices services;
    private final SystemAuthority systemAuthority;
    private final Clock clock;

    ReturnDeadlines(PiReturns returns, RuntimeService runtimeService, ManagementService managementService,
            ContractServices services, SystemAuthority systemAuthority, Clock clock) {
        this.returns = returns;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.services = services;
        this.systemAuthority = systemAuthority;
        this.clock = clock;
    }

    /**
     * PI7, X1: the service's purchasing officer (or a contracts manager) agrees a later deadline while the return is
     * still awaited. Once the checks pass, the message Extension agreed tells the running process; its step "Move the
     * deadline" records the new deadline, the reason and who agreed it on the return, and the model creates the open
     * "Submit PI return" task and the deadline timer again for the new date, so the reminder and the contracts
     * manager's notice come only if the return is not in by the new deadline.
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

        // PI7, X1: the model moves the deadline (Extension agreed, Task_MoveDeadline): the return records it, the
        // deadline timer and the open "Submit PI return" task are created again for the new date. Correlating is
        // the system's housekeeping: the officer needs no permission on the instance.
        systemAuthority.run(() -> runtimeService.createMessageCorrelation(PiReturnVariables.EXTENSION_AGREED)
                .processInstanceId(instance.getId())
                .setVariables(PiReturnVariables.extensionAgreed(newDeadline, reason.trim(), officerUserId))
                .correlateWithResult());
        return returns.get(reference);
    }
}
