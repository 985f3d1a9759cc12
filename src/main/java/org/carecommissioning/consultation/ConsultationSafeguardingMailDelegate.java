package org.carecommissioning.consultation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * U4, X2: a safeguarding concern is e-mailed at once to care.consultation.safeguarding-email, naming the concern, the
 * consultation and the due date; the concern itself is read in the application, never sent in the e-mail.
 */
@Component
class ConsultationSafeguardingMailDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final ConsultationConcerns concerns;
    private final NotificationService notifications;
    private final ConsultationProperties properties;

    ConsultationSafeguardingMailDelegate(Consultations consultations, ConsultationConcerns concerns,
            NotificationService notifications, ConsultationProperties properties) {
        this.consultations = consultations;
        this.concerns = concerns;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationVariables variables = EscalationVariables.of(execution);
        ConsultationConcern concern = concerns.get(variables.concernReference());
        Consultation consultation = consultations.get(variables.consultationReference());
        Map<String, Object> model = ConsultationMailModel.of(consultation, consultations.serviceOf(consultation),
                consultations.providerOf(consultation).getName());
        model.put(EscalationVariables.CONCERN_REFERENCE, concern.getReference());
        model.put("dueDate", DisplayDates.date(concern.getDueOn()));
        notifications.send(Email.of(properties.safeguardingEmail(), "consultation-safeguarding", model));
    }
}
