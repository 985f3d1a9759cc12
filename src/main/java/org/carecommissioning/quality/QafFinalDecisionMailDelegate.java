package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q7, X2: the provider is told the contracts manager's final decision. */
@Component
class QafFinalDecisionMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafFinalDecisionMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafReturn qaf = returns.get(QafVariables.of(execution).reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        model.put("agreedGrades", QafMailModel.agreedGrades(qaf));
        model.put("finalDecisionNote", qaf.getFinalDecisionNote());
        notifications.send(Email.of(provider.getEmail(), "qaf-final-decision", model));
    }
}
