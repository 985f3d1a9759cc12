package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PI7: at the deadline, marks a return not in as overdue; the model's gateway decides whether to chase it. */
@Component("markReturnOverdueDelegate")
class MarkReturnOverdueDelegate implements JavaDelegate {

    private final PiReturns returns;

    MarkReturnOverdueDelegate(PiReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        variables.returnOverdue(returns.markOverdueIfNotIn(variables.returnReference()));
    }
}
