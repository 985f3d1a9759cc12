package org.carecommissioning.performance;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** PI4, PI5: what the provider must add or explain. */
@Component("returnRequestToProviderMailDelegate")
class ReturnRequestToProviderMailDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;
    private final NotificationService notifications;

    ReturnRequestToProviderMailDelegate(PiReturns returns, ContractServices services, NotificationService notifications) {
        this.returns = returns;
        this.services = services;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        PiReturn piReturn = returns.get(variables.returnReference());
        ContractedService service = returns.serviceOf(piReturn);
        var provider = services.providerOf(service);
        var model = new java.util.HashMap<>(ReturnMailModel.of(piReturn, service, provider.getName()));
        model.put("request", piReturn.getRequestToProvider());
        LocalDate resubmitBy = variables.resubmitBy();
        // X1: the letter shows the date the check set, the readable way
        model.put("resubmitBy", DisplayDates.date(resubmitBy != null ? resubmitBy
                : returns.resubmitBy(piReturn.getReference())));
        notifications.send(Email.of(provider.getEmail(), "pi-return-request-to-provider", model));
    }
}
