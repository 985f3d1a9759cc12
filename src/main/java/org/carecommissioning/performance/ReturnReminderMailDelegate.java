package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/** PI7: a return not in by its deadline: a reminder to the provider, and the contracts manager is told. */
@Component("returnReminderMailDelegate")
class ReturnReminderMailDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;

    ReturnReminderMailDelegate(PiReturns returns, ContractServices services, NotificationService notifications,
            ContractManagementProperties properties) {
        this.returns = returns;
        this.services = services;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturn piReturn = returns.get((String) execution.getVariable("returnReference"));
        // a return sent back for missing data and not resubmitted by the deadline is not in either
        if (piReturn.getStatus() != ReturnStatus.AWAITED && piReturn.getStatus() != ReturnStatus.RETURNED_TO_PROVIDER) {
            return; // in by the deadline: nothing to chase
        }
        returns.markOverdue(piReturn.getReference());
        ContractedService service = returns.serviceOf(piReturn);
        var provider = services.providerOf(service);
        var model = ReturnMailModel.of(piReturn, service, provider.getName());
        notifications.send(Email.of(provider.getEmail(), "pi-return-reminder", model));
        notifications.send(Email.of(properties.contractsManagerEmail(), "pi-return-late", model));
    }
}
