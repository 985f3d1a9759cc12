package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q3, X2: the return goes back to the provider asking for more evidence, with the new due date. */
@Component
class QafEvidenceRequestMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafEvidenceRequestMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.get(variables.reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        model.put("request", qaf.getRequestForEvidence());
        model.put("resubmitBy", execution.getVariable("dueDateText"));
        notifications.send(Email.of(provider.getEmail(), "qaf-more-evidence", model));
    }
}
