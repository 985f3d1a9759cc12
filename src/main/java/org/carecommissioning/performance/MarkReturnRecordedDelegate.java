package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** PI6: recorded by the data input clerk. */
@Component("markReturnRecordedDelegate")
class MarkReturnRecordedDelegate implements JavaDelegate {

    private final PiReturns returns;

    MarkReturnRecordedDelegate(PiReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.recorded(PiReturnVariables.of(execution).recordedReturnReference(), CurrentUser.of(execution));
    }
}
