package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FormValues;
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
        returns.signOff((String) execution.getVariable("returnReference"),
                (String) execution.getVariable("checkedBy"),
                FormValues.text(execution.getVariable("checkerComments")));
    }
}
