package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q2, X2: the provider is told the QAF's new deadline after its meeting moved. */
@Component
class QafNewDeadlineMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafNewDeadlineMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafReturn qaf = returns.get(QafVariables.of(execution).reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        notifications.send(Email.of(provider.getEmail(), "qaf-new-deadline", model));
    }
}
