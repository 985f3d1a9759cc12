package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Q8, X2: no improvement after a D grade is reported to the CSG. */
@Component
class QafNoImprovementMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;
    private final ContractManagementProperties contractManagement;

    QafNoImprovementMailDelegate(QafReturns returns, NotificationService notifications, ContractManagementProperties contractManagement) {
        this.returns = returns;
        this.notifications = notifications;
        this.contractManagement = contractManagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafReturn qaf = returns.get(QafVariables.of(execution).reference());
        Organisation provider = returns.providerOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, returns.serviceOf(qaf), provider.getName());
        model.put("agreedGrades", QafMailModel.agreedGrades(qaf));
        model.put("improvementFindings", qaf.getImprovementFindings());
        notifications.send(Email.of(contractManagement.csgEmail(), "qaf-csg-no-improvement", model));
    }
}
