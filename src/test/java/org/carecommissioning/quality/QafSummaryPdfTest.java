package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.Organisation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Q7: the "Summary of QAF Grading" (seed 004 part 3.3 appendix 2), rendered and read back with PDFBox. */
@DisplayName("Summary of QAF Grading PDF (Q7)")
class QafSummaryPdfTest {

    private static QafReturn agreed(String reference, String year, QafGrade claimed, QafGrade agreed, String reason) {
        QafReturn qaf = new QafReturn(reference, 11L, year, QafVariant.FULL, LocalDate.of(2027, 2, 1),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 21), "po-jones", LocalDateTime.of(2026, 11, 2, 9, 0));
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).claim(claimed, "Evidence.", null, null);
            qaf.objective(objective).agree(claimed, null);
        }
        qaf.objective(CoreObjective.C1_3).agree(agreed, reason);
        qaf.agreed("po-jones", LocalDateTime.of(2026, 12, 1, 9, 0));
        return qaf;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    private static ContractedService service() {
        ContractedService service = mock(ContractedService.class);
        when(service.getServiceCode()).thenReturn("S1001");
        when(service.getName()).thenReturn("Hope Floating Support");
        return service;
    }

    private static Organisation provider() {
        Organisation provider = mock(Organisation.class);
        when(provider.getName()).thenReturn("Hope Housing Cymru - Tŷ Gobaith");
        return provider;
    }

    @Test
    @DisplayName("Q7 this year's and last year's provider and officer grades per objective, and the reason for every changed grade")
    void thisAndLastYear() throws IOException {
        QafReturn thisYear = agreed("QAF-S1001-2026-1", "2026/27", QafGrade.B, QafGrade.C, "No fire risk assessment seen.");
        QafReturn lastYear = agreed("QAF-S1001-2025-1", "2025/26", QafGrade.C, QafGrade.D, "No drills logged.");

        String text = text(new QafSummaryPdf().render(thisYear, Optional.of(lastYear), service(), provider()));

        assertThat(text).contains("Summary of QAF Grading", "Name of Provider: Hope Housing Cymru - Tŷ Gobaith",
                "Service ID: S1001 (Hope Floating Support)", "2026/27", "2025/26", "Provider", "Officer");
        assertThat(text).containsPattern("C1\\.1 Needs and risk assessment\\s+B\\s+B\\s+C\\s+C");
        assertThat(text).containsPattern("C1\\.3 Security, health and safety\\s+B\\s+C\\s+C\\s+D");
        assertThat(text).contains("Desk Top: Yes", "Validation: No", "Date entered onto Swift: not yet");
        assertThat(text).contains("Reasons for grades that differ from your claim",
                "C1.3 Security, health and safety: C (claimed B)", "No fire risk assessment seen.");
        assertThat(text).doesNotContain("No drills logged.");
    }

    @Test
    @DisplayName("Q7 with no earlier QAF held last year's columns are blank; with no changed grade it says so")
    void noLastYearNoChange() throws IOException {
        QafReturn thisYear = agreed("QAF-S1001-2026-1", "2026/27", QafGrade.C, QafGrade.C, null);

        String text = text(new QafSummaryPdf().render(thisYear, Optional.empty(), service(), provider()));

        assertThat(text).containsPattern("C1\\.7 Consulting and involving service users\\s+C\\s+C\\s+-\\s+-");
        assertThat(text).contains("Every grade is as you claimed.");
        assertThat(QafSummaryPdf.fileName(thisYear)).isEqualTo("Summary-of-QAF-Grading-QAF-S1001-2026-1.pdf");
    }
}
