package org.carecommissioning.consultation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/** U6, X2: the approved report goes to the provider, who is asked to thank the participants. */
@Component
class ConsultationReportMailDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final NotificationService notifications;

    ConsultationReportMailDelegate(Consultations consultations, NotificationService notifications) {
        this.consultations = consultations;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Consultation consultation = consultations.get(variables.reference());
        Organisation provider = consultations.providerOf(consultation);
        Map<String, Object> model = ConsultationMailModel.of(consultation, consultations.serviceOf(consultation),
                provider.getName());
        model.put(ConsultationVariables.REPORT_TEXT, variables.reportText());
        notifications.send(Email.of(provider.getEmail(), "consultation-report", model));
    }
}
