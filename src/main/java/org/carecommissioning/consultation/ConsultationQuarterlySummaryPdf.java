package org.carecommissioning.consultation;

import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;
import org.carecommissioning.shared.DisplayDates;

/**
 * U7: the quarterly summary as a PDF for the Core Strategy Group's and the commissioning body's papers: each
 * consultation reported in the quarter with its counts and headline, the totals, and the consultations still open.
 */
final class ConsultationQuarterlySummaryPdf {

    private ConsultationQuarterlySummaryPdf() {
    }

    static byte[] render(Summary summary) {
        ConsultationPdf pdf = new ConsultationPdf();
        pdf.add(16, "Service-user feedback: " + summary.quarter().label());
        pdf.add(10, "For the Core Strategy Group and the commissioning body (U7). The consultations whose report was"
                + " issued from " + DisplayDates.date(summary.quarter().firstDay()) + " to "
                + DisplayDates.date(summary.quarter().lastDay()) + ", as of " + DisplayDates.date(summary.asOf())
                + ". No participant is named; participants are the answer sets standing after withdrawals.");
        pdf.add(10, "");
        pdf.add(12, "Consultations reported");
        if (summary.reported().isEmpty()) {
            pdf.add(10, "None in this quarter.");
        }
        for (Reported row : summary.reported()) {
            pdf.add(10, row.reference() + "  " + row.serviceCode() + " " + row.serviceName() + ", " + row.provider()
                    + "; " + row.method() + "; report issued " + DisplayDates.date(row.reportIssuedOn()));
            pdf.add(10, "    participants " + row.participants() + ", questionnaires returned " + row.questionnaires()
                    + ", complaints " + row.anonymousComplaints() + " anonymous / " + row.namedComplaints()
                    + " named, safeguarding escalations " + row.safeguardingEscalations());
            pdf.add(10, "    Headline: " + row.headline());
        }
        pdf.add(10, "");
        Totals totals = summary.totals();
        pdf.add(12, "Totals");
        pdf.add(10, totals.consultations() + " consultation(s) reported; participants " + totals.participants()
                + ", questionnaires returned " + totals.questionnaires() + ", complaints "
                + totals.anonymousComplaints() + " anonymous / " + totals.namedComplaints()
                + " named, safeguarding escalations " + totals.safeguardingEscalations());
        pdf.add(10, "");
        pdf.add(12, "Consultations still open");
        if (summary.open().isEmpty()) {
            pdf.add(10, "None.");
        }
        for (Open open : summary.open()) {
            pdf.add(10, open.reference() + "  " + open.serviceCode() + " " + open.serviceName() + ", "
                    + open.provider() + ": " + open.stage());
        }
        return pdf.render("Service-user feedback " + summary.quarter().label());
    }
}
