package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** PI6: sign-off with the checker's name and comments. */
@Component("signOffReturnDelegate")
class SignOffReturnDelegate implements JavaDelegate {

    private final PiReturns returns;

    SignOffReturnDelegate(PiReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        returns.signOff(variables.returnReference(), variables.checkedBy(), variables.checkerComments());
    }
}
