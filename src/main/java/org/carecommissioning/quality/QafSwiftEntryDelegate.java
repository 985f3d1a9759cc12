package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q7 records: the data input clerk confirms the final grades are entered onto Swift, and when. */
@Component
class QafSwiftEntryDelegate implements JavaDelegate {

    private final QafReturns returns;

    QafSwiftEntryDelegate(QafReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafVariables.SwiftEntry entry = variables.swiftEntry();
        returns.recordSwiftEntry(variables.reference(), entry.entered(), entry.on(), CurrentUser.of(execution));
    }
}
