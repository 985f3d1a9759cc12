package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.LocalDateTime;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecommissioning.contractmanagement.ContractedService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("U6 the consultation's report as a PDF for the provider")
class ConsultationReportPdfTest {

    @Test
    @DisplayName("U6, U4 it holds the service, provider, method, how many took part, the period, headline and text,"
            + " on as many pages as the text needs, and no consent reference")
    void report() throws IOException {
        LocalDateTime agreed = LocalDateTime.of(2027, 5, 3, 9, 0);
        Consultation consultation = new Consultation("SUC-SP101-2027", 1L, "2027/28", null, "po", agreed);
        consultation.proposed(ConsultationMethod.INDIVIDUAL_INTERVIEW, 25, 7, false, 7, "po", agreed);
        consultation.agreed(ConsultationMethod.INDIVIDUAL_INTERVIEW, 7, null, "cm", agreed);
        String text = "Users value their key workers.\n" + "Night cover is a worry for several users. ".repeat(120)
                + "\nSomeone said \"the\tstaff are lovely\" \uD83D\uDE00.";
        consultation.reportWritten("Key workers valued; night cover a worry", text, true, "po",
                LocalDateTime.of(2027, 7, 5, 10, 0));
        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Haven floating support");
        when(service.getServiceCode()).thenReturn("SP101");

        byte[] pdf = ConsultationReportPdf.render(consultation, service, "Haven Housing",
                new ConsultationReportPdf.Counts(6, 0));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("a long report runs onto a second page").isGreaterThan(1);
            String printed = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(printed).contains("SUC-SP101-2027", "Haven floating support (SP101)", "Haven Housing",
                    "Method: individual interview", "Service users who took part: 6", "Financial year 2027/28",
                    "Key workers valued; night cover a worry", "Users value their key workers.",
                    "the staff are lovely", "names no one");
            assertThat(printed).doesNotContainPattern("CR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        }
        assertThat(ConsultationReportPdf.fileName(consultation)).isEqualTo("Consultation-report-SUC-SP101-2027.pdf");
    }

    @Test
    @DisplayName("U6 a questionnaire consultation's report counts the questionnaires returned")
    void questionnaires() throws IOException {
        LocalDateTime agreed = LocalDateTime.of(2027, 5, 3, 9, 0);
        Consultation consultation = new Consultation("SUC-SP102-2027", 1L, "2027/28", null, "po", agreed);
        consultation.proposed(ConsultationMethod.QUESTIONNAIRE, 600, 30, true, 30, "po", agreed);
        consultation.agreed(ConsultationMethod.QUESTIONNAIRE, 30, null, "cm", agreed);
        consultation.reportWritten("Good support", "Most questionnaires praise the support.", false, "po", agreed);
        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Oak sheltered housing");
        when(service.getServiceCode()).thenReturn("SP102");
        try (PDDocument document = Loader.loadPDF(ConsultationReportPdf.render(consultation, service, "Oak",
                new ConsultationReportPdf.Counts(0, 17)))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Questionnaires returned: 17")
                    .doesNotContain("Service users who took part");
        }
    }
}
