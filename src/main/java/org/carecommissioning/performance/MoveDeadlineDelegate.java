package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/**
 * PI7, X1: Task_MoveDeadline. The extension the message Extension agreed carried is recorded on the return, and the
 * deadline variables follow it, so the re-created task and deadline timer use the new date.
 */
@Component("moveDeadlineDelegate")
class MoveDeadlineDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final CareProperties care;

    MoveDeadlineDelegate(PiReturns returns, CareProperties care) {
        this.returns = returns;
        this.care = care;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        PiReturnVariables.Extension extension = variables.extension();
        PiReturn piReturn = returns.extendDeadline(variables.returnReference(), extension);
        variables.deadlineMoved(piReturn.getDeadline(), care.zone());
    }
}
