package org.carecommissioning.consultation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.springframework.stereotype.Component;

/**
 * U6, X2: the approved report goes to the provider as a PDF it can share with its service users, and the provider is
 * asked to thank the participants.
 */
@Component
class ConsultationReportMailDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final ConsultationReports reports;
    private final NotificationService notifications;

    ConsultationReportMailDelegate(Consultations consultations, ConsultationReports reports,
            NotificationService notifications) {
        this.consultations = consultations;
        this.reports = reports;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Consultation consultation = consultations.get(variables.reference());
        Organisation provider = consultations.providerOf(consultation);
        Map<String, Object> model = ConsultationMailModel.of(consultation, consultations.serviceOf(consultation),
                provider.getName());
        model.put(ConsultationVariables.REPORT_HEADLINE, consultation.getReportHeadline());
        notifications.send(Email.of(provider.getEmail(), "consultation-report", model).withAttachment(
                ConsultationReportPdf.fileName(consultation), "application/pdf", reports.pdf(consultation)));
    }
}
