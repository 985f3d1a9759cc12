package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/** PI7, X2: a return not in by its deadline: the provider is reminded (its own retried step). */
@Component("returnReminderMailDelegate")
class ReturnReminderMailDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;
    private final NotificationService notifications;

    ReturnReminderMailDelegate(PiReturns returns, ContractServices services, NotificationService notifications) {
        this.returns = returns;
        this.services = services;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturn piReturn = returns.get(PiReturnVariables.of(execution).returnReference());
        ContractedService service = returns.serviceOf(piReturn);
        var provider = services.providerOf(service);
        notifications.send(Email.of(provider.getEmail(), "pi-return-reminder",
                ReturnMailModel.of(piReturn, service, provider.getName())));
    }
}
