package org.carecommissioning.quality;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * Q7, X2: the provider is told the agreed grades, with the reason for each that differs from its claim, the day its
 * response is due, and the "Summary of QAF Grading" PDF (this year's and last year's grades) attached.
 */
@Component
class QafAgreedGradesMailDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final NotificationService notifications;
    private final QafSummaryPdf pdf;

    QafAgreedGradesMailDelegate(QafReturns returns, NotificationService notifications, QafSummaryPdf pdf) {
        this.returns = returns;
        this.notifications = notifications;
        this.pdf = pdf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafReturn qaf = returns.get(variables.reference());
        Organisation provider = returns.providerOf(qaf);
        ContractedService service = returns.serviceOf(qaf);
        Map<String, Object> model = QafMailModel.of(qaf, service, provider.getName());
        model.put("agreedGrades", QafMailModel.agreedGrades(qaf));
        model.put("respondBy", DisplayDates.date(qaf.getResponseDueOn()));
        byte[] summary = pdf.render(qaf, returns.latestAgreedBefore(qaf), service, provider);
        notifications.send(Email.of(provider.getEmail(), "qaf-agreed-grades", model)
                .withAttachment(QafSummaryPdf.fileName(qaf), "application/pdf", summary));
    }
}
