package org.carecommissioning.consultation;

import java.util.Map;

import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * U7, X2: the quarterly summary of service-user feedback e-mailed, with its CSV and PDF, to the Core Strategy Group
 * and to the commissioning body (care.consultation.csg-email, commissioning-body-email), one e-mail per call so that
 * each is its own retried step of processes/consultation-quarterly-summary.bpmn.
 */
@Component
class ConsultationSummaryMails {

    /** The process variable that carries the quarter reported from the first e-mail to the second, like 2026Q3. */
    static final String QUARTER = "summaryQuarter";
    static final String TEMPLATE = "consultation-quarterly-summary";

    private final ConsultationQuarterlySummary summaries;
    private final NotificationService notifications;
    private final ConsultationProperties properties;

    ConsultationSummaryMails(ConsultationQuarterlySummary summaries, NotificationService notifications,
            ConsultationProperties properties) {
        this.summaries = summaries;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** U7: the summary of {@code quarter} to the Core Strategy Group. */
    void toCsg(ConsultationQuarter quarter) {
        send(properties.csgEmail(), "Core Strategy Group", quarter);
    }

    /** U7: the summary of {@code quarter} to the commissioning body. */
    void toCommissioningBody(ConsultationQuarter quarter) {
        send(properties.commissioningBodyEmail(), "colleagues at the commissioning body", quarter);
    }

    private void send(String to, String recipientName, ConsultationQuarter quarter) {
        Summary summary = summaries.summary(quarter);
        Map<String, Object> model = Map.of("recipientName", recipientName,
                "quarterLabel", quarter.label(),
                "consultationCount", summary.totals().consultations(),
                "participantCount", summary.totals().participants(),
                "complaintCount", summary.totals().anonymousComplaints() + summary.totals().namedComplaints(),
                "safeguardingCount", summary.totals().safeguardingEscalations(),
                "openCount", summary.open().size());
        notifications.send(Email.of(to, TEMPLATE, model)
                .withAttachment(quarter.fileName() + ".csv", "text/csv", ConsultationQuarterlySummaryCsv.bytes(summary))
                .withAttachment(quarter.fileName() + ".pdf", "application/pdf",
                        ConsultationQuarterlySummaryPdf.render(summary)));
    }
}
