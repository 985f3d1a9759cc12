package org.carecommissioning.consultation;

import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.DisplayDates;

/**
 * U6: the consultation's report as a PDF the provider can share with its service users: the service, the provider,
 * the method, how many took part (answer sets still recorded, so a withdrawn participant is not counted) or how many
 * questionnaires were returned, the period, the officer's headline and text. U4: it never holds a name or a consent
 * reference; the officer writes the text without names and quotes only where a quote identifies no one.
 */
final class ConsultationReportPdf {

    private ConsultationReportPdf() {
    }

    /** U6: what the report counts: participants with answers recorded, and anonymous questionnaires returned. */
    record Counts(long participants, long questionnaires) {
    }

    static String fileName(Consultation consultation) {
        return "Consultation-report-" + consultation.getReference() + ".pdf";
    }

    static byte[] render(Consultation consultation, ContractedService service, String providerName, Counts counts) {
        ConsultationMethod method = consultation.getMethod();
        String taking = method == ConsultationMethod.QUESTIONNAIRE
                ? "Questionnaires returned: " + counts.questionnaires()
                : "Service users who took part: " + counts.participants();
        String from = consultation.getAgreedAt() == null ? "" : DisplayDates.date(consultation.getAgreedAt()
                .toLocalDate());
        String to = consultation.getReportWrittenAt() == null ? "" : DisplayDates.date(consultation
                .getReportWrittenAt().toLocalDate());
        return new ConsultationPdf()
                .add(16, "Service user consultation report")
                .add(10, "Consultation " + consultation.getReference() + " of " + service.getName() + " ("
                        + service.getServiceCode() + "), provided by " + providerName)
                .add(10, "Method: " + (method == null ? "" : method.label()) + ". " + taking + ".")
                .add(10, "Financial year " + consultation.getFinancialYear() + "; approach agreed " + from
                        + ", report written " + to + ".")
                .add(10, "")
                .add(13, nullToEmpty(consultation.getReportHeadline()))
                .add(10, "")
                .add(10, nullToEmpty(consultation.getReportText()))
                .add(10, "")
                .add(9, "This report names no one. Thank you to everyone who took part.")
                .render("Consultation report " + consultation.getReference());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
