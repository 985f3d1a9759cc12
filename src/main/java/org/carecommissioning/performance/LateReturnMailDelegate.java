package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * PI7, X2: the contracts manager is told a return is late. A step of its own after the provider's reminder, so a
 * failure here is retried without sending the reminder again.
 */
@Component("lateReturnMailDelegate")
class LateReturnMailDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;

    LateReturnMailDelegate(PiReturns returns, ContractServices services, NotificationService notifications,
            ContractManagementProperties properties) {
        this.returns = returns;
        this.services = services;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturn piReturn = returns.get(PiReturnVariables.of(execution).returnReference());
        ContractedService service = returns.serviceOf(piReturn);
        notifications.send(Email.of(properties.contractsManagerEmail(), "pi-return-late",
                ReturnMailModel.of(piReturn, service, services.providerOf(service).getName())));
    }
}
