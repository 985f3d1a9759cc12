package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q7, X2: the provider is told the agreed grades, with the reason for each that differs from its claim. */
@Component
class QafAgreedGradesMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafAgreedGradesMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.get(variables.reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        model.put("agreedGrades", QafMailModel.agreedGrades(qaf));
        notifications.send(Email.of(provider.getEmail(), "qaf-agreed-grades", model));
    }
}
