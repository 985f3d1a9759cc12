package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The QAF report's figures on a small data set of five returns (Q2, Q5, Q7, Q8), and its CSV and PDF. */
@DisplayName("QAF report (Q2 Q5 Q7 Q8)")
class QafReportsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final QafYear YEAR = new QafYear(2026);

    private QafReports reports;
    private ContractedService haven;

    @BeforeEach
    void fiveReturns() {
        QafReturnRepository records = mock(QafReturnRepository.class);
        ContractServices services = mock(ContractServices.class);
        haven = mock(ContractedService.class);
        when(haven.getServiceCode()).thenReturn("S1001");
        when(haven.getName()).thenReturn("Haven, floating support");
        when(services.get(11L)).thenReturn(haven);

        // on time, self-assessed (reason none), agreed: C everywhere but C1.3 at D
        QafReturn onTime = qaf("QAF-S1001-2026-1", LocalDate.of(2026, 12, 21));
        submit(onTime);
        review(onTime, "none");
        agree(onTime, QafGrade.C, QafGrade.D);
        // late (non-return recorded, then in), visited because an A was claimed, agreed B everywhere but C1.3 at A
        QafReturn late = qaf("QAF-S1001-2026-2", LocalDate.of(2026, 12, 21));
        late.nonReturnRecorded(LocalDate.of(2026, 12, 22), LocalDateTime.of(2026, 12, 22, 0, 0));
        submit(late);
        review(late, "grade-a-claimed");
        agree(late, QafGrade.B, QafGrade.A);
        // in on time, reviewed, random sample, not agreed yet
        QafReturn sampled = qaf("QAF-S1001-2026-3", LocalDate.of(2026, 12, 21));
        submit(sampled);
        review(sampled, "random-sample");
        // not returned: deadline passed
        QafReturn missing = qaf("QAF-S1001-2026-4", LocalDate.of(2027, 1, 10));
        // awaited: deadline not passed
        QafReturn awaited = qaf("QAF-S1001-2026-5", LocalDate.of(2027, 3, 1));
        when(records.findByFinancialYearOrderByReference("2026/27"))
                .thenReturn(List.of(onTime, late, sampled, missing, awaited));
        Clock clock = Clock.fixed(LocalDateTime.of(2027, 2, 1, 7, 0).atZone(LONDON).toInstant(), LONDON);
        reports = new QafReports(records, services, clock);
    }

    private static QafReturn qaf(String reference, LocalDate due) {
        return new QafReturn(reference, 11L, "2026/27", QafVariant.FULL, due.plusWeeks(6), due.minusWeeks(6), due,
                "olivia", due.minusWeeks(6).atStartOfDay());
    }

    private static void submit(QafReturn qaf) {
        qaf.submit("Summary.", "prov", qaf.getDueOn().atStartOfDay(), java.math.BigDecimal.ONE);
    }

    private static void review(QafReturn qaf, String reason) {
        qaf.reviewed(false, false, "olivia", qaf.getDueOn().plusDays(3).atStartOfDay());
        qaf.validationDecided(!"none".equals(reason), reason, qaf.getDueOn().plusDays(3).atStartOfDay());
    }

    private static void agree(QafReturn qaf, QafGrade most, QafGrade c13) {
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).agree(objective == CoreObjective.C1_3 ? c13 : most, "Reason.");
        }
    }

    @Test
    @DisplayName("Q2 returns issued 5: on time 2 (no non-return recorded), late 1, not returned 1 (deadline passed), "
            + "awaited 1")
    void returns() {
        QafReports.Report report = reports.report(YEAR);
        assertThat(report.returns()).isEqualTo(new QafReports.Returns(5, 2, 1, 1, 1));
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    @DisplayName("Q5 validations by the reason qaf-validation-visit gave, in the table's row order; self-assessed as none")
    void validations() {
        QafReports.Report report = reports.report(YEAR);
        assertThat(report.validationsByReason()).containsExactly(
                java.util.Map.entry("grade-change", 0), java.util.Map.entry("grade-a-claimed", 1),
                java.util.Map.entry("concerns", 0), java.util.Map.entry("procurement-review", 0),
                java.util.Map.entry("random-sample", 1), java.util.Map.entry("none", 1));
        assertThat(report.visits()).isEqualTo(2);
        assertThat(report.validationUndecided()).isZero();
    }

    @Test
    @DisplayName("Q7 Q8 the agreed grades per objective (A-D) and every objective agreed at D with where its"
            + " improvement plan stands")
    void gradesAndDGrades() {
        QafReports.Report report = reports.report(YEAR);
        assertThat(report.grades().get(CoreObjective.C1_1)).containsEntry(QafGrade.B, 1).containsEntry(QafGrade.C, 1)
                .containsEntry(QafGrade.A, 0).containsEntry(QafGrade.D, 0);
        assertThat(report.grades().get(CoreObjective.C1_3)).containsEntry(QafGrade.A, 1).containsEntry(QafGrade.D, 1);
        assertThat(report.dGrades()).containsExactly(new QafReports.DGrade("QAF-S1001-2026-1", "S1001",
                "Haven, floating support", CoreObjective.C1_3, "after final grades"));
    }

    @Test
    @DisplayName("Q8 a D grade's plan status: after final grades, due, overdue, in review, to validate, improved or not")
    void planStatus() {
        LocalDate today = LocalDate.of(2027, 2, 20);
        QafReturn qaf = mock(QafReturn.class);
        // Mockito answers false for a Boolean; a QAF not yet validated holds null
        when(qaf.getImproved()).thenReturn(null);
        when(qaf.getDefaultNotice()).thenReturn(null);
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("after final grades");
        when(qaf.getPlanDueOn()).thenReturn(LocalDate.of(2027, 2, 20));
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("due Sat 20 Feb 2027");
        assertThat(QafReports.planStatus(qaf, today.plusDays(1))).isEqualTo("overdue since Sat 20 Feb 2027");
        when(qaf.getImprovementPlan()).thenReturn("Fire risk assessment by March.");
        when(qaf.getPlanOfficerReviewedBy()).thenReturn("officer");
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("in review");
        when(qaf.getPlanManagerReviewedBy()).thenReturn("manager");
        when(qaf.getImprovementValidationOn()).thenReturn(LocalDate.of(2027, 3, 20));
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("validation on Sat 20 Mar 2027");
        when(qaf.getImproved()).thenReturn(true);
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("improved");
        when(qaf.getImproved()).thenReturn(false);
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("not improved: default notice to decide");
        when(qaf.getDefaultNotice()).thenReturn(true);
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("not improved: default notice");
        when(qaf.getDefaultNotice()).thenReturn(false);
        assertThat(QafReports.planStatus(qaf, today)).isEqualTo("not improved: no default notice");
    }

    @Test
    @DisplayName("the CSV has one row per figure, cells quoted where needed")
    void csv() {
        String csv = reports.csv(reports.report(YEAR));
        assertThat(csv).startsWith("section,item,detail,value\nreport,financial year,,2026/27\n")
                .contains("returns,issued,,5\n", "returns,returned on time,,2\n", "returns,returned late,,1\n",
                        "returns,not returned,deadline passed,1\n", "returns,awaited,deadline not passed,1\n",
                        "validation,grade-a-claimed,validation visit,1\n", "validation,none,\"self-assessed, no visit\",1\n",
                        "agreed grades,\"C1.3 Security, health and safety\",D,1\n",
                        "D grade,QAF-S1001-2026-1,\"S1001 Haven, floating support / C1.3 Security, health and safety\","
                                + "plan: after final grades\n");
    }

    @Test
    @DisplayName("the PDF reads back with the same figures")
    void pdf() throws IOException {
        byte[] pdf = reports.pdf(reports.report(YEAR));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("QAF report 2026/27", "Issued: 5", "on time: 2", "late: 1", "not returned: 1",
                    "grade-a-claimed: 1", "C1.3 Security, health and safety: 1 / 0 / 0 / 1",
                    "QAF-S1001-2026-1", "plan: after final grades");
        }
    }

    @Test
    @DisplayName("a service's name with a character the font cannot draw prints it as ? and keeps the Welsh letters")
    void pdfWithUndrawableCharacter() throws IOException {
        when(haven.getName()).thenReturn("T\u0177 Haven \uD83C\uDFE0 floating support");
        byte[] pdf = reports.pdf(reports.report(YEAR));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("T\u0177 Haven ? floating support");
        }
    }
}
