package org.carecommissioning.performance;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractManagementProperties;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** The letters of a quarterly PI return (X2: each is an asynchronous, retried step). */
final class ReturnMails {

    private ReturnMails() {
    }

    private static Map<String, Object> model(PiReturn piReturn, ContractedService service, String providerName) {
        return Map.of("returnReference", piReturn.getReference(), "serviceName", service.getName(),
                "serviceCode", service.getServiceCode(), "reportingYear", piReturn.getReportingYear(),
                "quarter", piReturn.getQuarter(), "deadline", DisplayDates.date(piReturn.getDeadline()), "providerName", providerName);
    }

    /** PI2: the provider is asked for the return, with its deadline. */
    @Component("returnRequestMailDelegate")
    static class Request implements JavaDelegate {

        private final PiReturns returns;
        private final ContractServices services;
        private final NotificationService notifications;

        Request(PiReturns returns, ContractServices services, NotificationService notifications) {
            this.returns = returns;
            this.services = services;
            this.notifications = notifications;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PiReturn piReturn = returns.get((String) execution.getVariable("returnReference"));
            ContractedService service = returns.serviceOf(piReturn);
            var provider = services.providerOf(service);
            notifications.send(Email.of(provider.getEmail(), "pi-return-request", model(piReturn, service, provider.getName())));
        }
    }

    /** PI4, PI5: what the provider must add or explain. */
    @Component("returnRequestToProviderMailDelegate")
    static class BackToProvider implements JavaDelegate {

        private final PiReturns returns;
        private final ContractServices services;
        private final NotificationService notifications;

        BackToProvider(PiReturns returns, ContractServices services, NotificationService notifications) {
            this.returns = returns;
            this.services = services;
            this.notifications = notifications;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PiReturn piReturn = returns.get((String) execution.getVariable("returnReference"));
            ContractedService service = returns.serviceOf(piReturn);
            var provider = services.providerOf(service);
            var model = new java.util.HashMap<>(model(piReturn, service, provider.getName()));
            model.put("request", piReturn.getRequestToProvider());
            Object resubmitBy = execution.getVariable("resubmitBy");
            // the variable stays an ISO date for the engine; the letter shows it the readable way
            model.put("resubmitBy", DisplayDates.date(resubmitBy != null ? java.time.LocalDate.parse(resubmitBy.toString())
                    : returns.resubmitBy(piReturn.getReference())));
            notifications.send(Email.of(provider.getEmail(), "pi-return-request-to-provider", model));
        }
    }

    /** PI7: a return not in by its deadline: a reminder to the provider, and the contracts manager is told. */
    @Component("returnReminderMailDelegate")
    static class Reminder implements JavaDelegate {

        private final PiReturns returns;
        private final ContractServices services;
        private final NotificationService notifications;
        private final ContractManagementProperties properties;

        Reminder(PiReturns returns, ContractServices services, NotificationService notifications,
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
            var model = model(piReturn, service, provider.getName());
            notifications.send(Email.of(provider.getEmail(), "pi-return-reminder", model));
            notifications.send(Email.of(properties.contractsManagerEmail(), "pi-return-late", model));
        }
    }
}
