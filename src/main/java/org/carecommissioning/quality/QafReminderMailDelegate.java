package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q2, X2: the deadline passed and the self-assessment is not in: a reminder to the provider. */
@Component
class QafReminderMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafReminderMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.get(variables.reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        notifications.send(Email.of(provider.getEmail(), "qaf-reminder", model));
    }
}
