package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/** PI2: the provider is asked for the return, with its deadline. */
@Component("returnRequestMailDelegate")
class ReturnRequestMailDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;
    private final NotificationService notifications;

    ReturnRequestMailDelegate(PiReturns returns, ContractServices services, NotificationService notifications) {
        this.returns = returns;
        this.services = services;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturn piReturn = returns.get(PiReturnVariables.of(execution).returnReference());
        ContractedService service = returns.serviceOf(piReturn);
        var provider = services.providerOf(service);
        notifications.send(Email.of(provider.getEmail(), "pi-return-request", ReturnMailModel.of(piReturn, service, provider.getName())));
    }
}
