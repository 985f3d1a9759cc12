package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * U7: the quarterly summary's CSV and PDF from a given summary (one row per consultation reported, the totals, the
 * consultations still open), and the quarters it is asked for.
 */
@DisplayName("Quarterly summary of service-user feedback: CSV, PDF and quarters (U7)")
class ConsultationQuarterlySummaryDocumentsTest {

    private static final ConsultationQuarter Q3 = new ConsultationQuarter(2026, 3);

    private static Summary summary() {
        List<Reported> reported = List.of(
                new Reported("SUC-SP101-2026", "SP101", "Haven, floating support", "Haven Housing", "small group", 7, 0,
                        1, 2, 1, LocalDate.of(2026, 11, 12), "=Users value the key workers; \"more evenings\" asked."),
                new Reported("SUC-SP102-2026", "SP102", "Elm Court", "Elm Care", "questionnaire", 31, 31, 0, 0, 0,
                        LocalDate.of(2026, 12, 1), "Most users are satisfied."));
        return new Summary(Q3, LocalDate.of(2027, 1, 1), reported, Totals.of(reported),
                List.of(new Open("SUC-SP103-2026", "SP103", "Oak House", "Oak Trust", "under way")));
    }

    @Test
    @DisplayName("U7 the CSV: a row per consultation reported with its counts and headline, the totals, the open ones; "
            + "cells quoted and formulas neutralised")
    void csv() {
        List<String> lines = ConsultationQuarterlySummaryCsv.render(summary()).lines().toList();
        assertThat(lines).containsExactly(ConsultationQuarterlySummaryCsv.HEADER,
                "reported,SUC-SP101-2026,SP101,\"Haven, floating support\",Haven Housing,small group,7,0,1,2,1,"
                        + "2026-11-12,\"'=Users value the key workers; \"\"more evenings\"\" asked.\"",
                "reported,SUC-SP102-2026,SP102,Elm Court,Elm Care,questionnaire,31,31,0,0,0,2026-12-01,"
                        + "Most users are satisfied.",
                "total,2026/27 Q3 (October-December 2026),,2 consultation(s),,,38,31,1,2,1,,",
                "open,SUC-SP103-2026,SP103,Oak House,Oak Trust,,,,,,,,under way");
    }

    @Test
    @DisplayName("U7 the PDF: the quarter, each consultation's counts and headline, the totals and the open ones")
    void pdf() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(ConsultationQuarterlySummaryPdf.render(summary()))) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Service-user feedback 2026/27 Q3 (October-December 2026)");
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Service-user feedback: 2026/27 Q3 (October-December 2026)",
                "SUC-SP101-2026", "participants 7, questionnaires returned 0, complaints 1 anonymous / 2 named",
                "Headline: Most users are satisfied.", "2 consultation(s) reported; participants 38",
                "SP103 Oak House, Oak Trust: under way");
    }

    @Test
    @DisplayName("U7 an empty quarter still renders: no consultation reported, none open")
    void emptyQuarter() throws IOException {
        Summary empty = new Summary(Q3, LocalDate.of(2027, 1, 1), List.of(), Totals.of(List.of()), List.of());
        assertThat(ConsultationQuarterlySummaryCsv.render(empty).lines()).containsExactly(
                ConsultationQuarterlySummaryCsv.HEADER, "total,2026/27 Q3 (October-December 2026),,0 consultation(s),,,"
                        + "0,0,0,0,0,,");
        try (PDDocument document = Loader.loadPDF(ConsultationQuarterlySummaryPdf.render(empty))) {
            assertThat(new PDFTextStripper().getText(document)).contains("None in this quarter.", "None.");
        }
    }

    @ParameterizedTest(name = "{0} Q{1} -> {2}")
    @CsvSource({"2026-27, 3, 2026-10-01, 2026-12-31", "2026/27, Q4, 2027-01-01, 2027-03-31",
            "2027-28, q1, 2027-04-01, 2027-06-30"})
    @DisplayName("U7 a financial year and a quarter 1-4 (Q1 April-June ... Q4 January-March)")
    void quarters(String year, String quarter, LocalDate first, LocalDate last) {
        ConsultationQuarter parsed = ConsultationQuarter.parse(year, quarter);
        assertThat(parsed.firstDay()).isEqualTo(first);
        assertThat(parsed.lastDay()).isEqualTo(last);
        assertThat(ConsultationQuarter.ofCode(parsed.code())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"2026-28, 1", "2026, 1", "twenty, 1", "2026-27, 5", "2026-27, 0", "2026-27, Q", "1999-00, 1"})
    @DisplayName("U7 a year or quarter that is none is refused with a sentence (400 over REST)")
    void badQuarters(String year, String quarter) {
        assertThatThrownBy(() -> ConsultationQuarter.parse(year, quarter)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    @DisplayName("U7 X1 the quarter that ended before a run: 1 January -> Q3, 1 April -> Q4 of the year before")
    void quarterEndedBefore() {
        assertThat(ConsultationQuarter.endedBefore(LocalDate.of(2027, 1, 1))).isEqualTo(Q3);
        assertThat(ConsultationQuarter.endedBefore(LocalDate.of(2027, 4, 1))).isEqualTo(new ConsultationQuarter(2026, 4));
        assertThat(ConsultationQuarter.endedBefore(LocalDate.of(2026, 7, 1))).isEqualTo(new ConsultationQuarter(2026, 1));
        assertThat(ConsultationQuarter.endedBefore(LocalDate.of(2026, 10, 1))).isEqualTo(new ConsultationQuarter(2026, 2));
    }
}
