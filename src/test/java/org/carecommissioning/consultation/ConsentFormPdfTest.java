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

@DisplayName("U3 the consent form (appendix 1) sent to the provider")
class ConsentFormPdfTest {

    @Test
    @DisplayName("U3 it names the consultation, explains declining and withdrawal, and has the signatures and the"
            + " consent reference to fill in")
    void consentForm() throws IOException {
        Consultation consultation = new Consultation("SUC-SP101-2027", 1L, "2027/28", null, "po",
                LocalDateTime.of(2027, 5, 3, 9, 0));
        ContractedService service = mock(ContractedService.class);
        when(service.getName()).thenReturn("Haven floating support");
        when(service.getServiceCode()).thenReturn("SP101");
        byte[] pdf = ConsentFormPdf.render(consultation, service, "Haven Housing");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("SUC-SP101-2027", "Haven floating support (SP101)", "Haven Housing",
                    "You may decline any question", "withdraw your consent", "answers are then deleted",
                    "Carer (where a carer signs)", "Consent reference");
        }
        assertThat(ConsentFormPdf.fileName(consultation)).isEqualTo("Consent-form-SUC-SP101-2027.pdf");
    }
}
