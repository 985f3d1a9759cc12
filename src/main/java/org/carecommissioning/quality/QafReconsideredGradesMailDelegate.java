package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** Q7, X2: the provider is told the reconsidered grades and its new response deadline. */
@Component
class QafReconsideredGradesMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;

    QafReconsideredGradesMailDelegate(QafReturns returns, NotificationService notifications) {
        this.returns = returns;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafReturn qaf = returns.get(QafVariables.of(execution).reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        model.put("agreedGrades", QafMailModel.agreedGrades(qaf));
        model.put("respondBy", DisplayDates.date(qaf.getResponseDueOn()));
        notifications.send(Email.of(provider.getEmail(), "qaf-reconsidered-grades", model));
    }
}
