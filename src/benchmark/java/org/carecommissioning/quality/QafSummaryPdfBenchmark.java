package org.carecommissioning.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.carecommissioning.contractmanagement.BenchmarkServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.BenchmarkOrganisations;
import org.carecommissioning.organisation.Organisation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Q7: rendering the "Summary of QAF Grading" PDF attached to the agreed-grades e-mail, for a QAF taken through its
 * steps as the process takes it (claimed, reviewed, validated by a visit, agreed, entered onto Swift) with last year's
 * QAF beside it, and two grades the officer changed, each with a written reason of a realistic length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QafSummaryPdfBenchmark {

    private static final String REASON = "The evidence for grade B was a policy document only; no records were seen"
            + " of it being applied. At the validation visit staff could not describe the procedure and three of the"
            + " five support plans sampled had no risk assessment reviewed in the last six months. The grade agreed is"
            + " the one the evidence seen supports, until the improvement plan shows the policy in use.";

    private final QafSummaryPdf pdf = new QafSummaryPdf();
    private QafReturn thisYear;
    private Optional<QafReturn> lastYear;
    private ContractedService service;
    private Organisation provider;

    @Setup
    public void agreeGrades() {
        provider = BenchmarkOrganisations.provider("HAVEN", "Haven Housing Cymru - Tŷ Hafan", "qaf@haven.example");
        service = BenchmarkServices.service("SP101", "Haven floating support", 11L);
        thisYear = agreed("QAF-SP101-2026-1", "2026/27", LocalDate.of(2026, 11, 2), QafGrade.B, 2);
        lastYear = Optional.of(agreed("QAF-SP101-2025-1", "2025/26", LocalDate.of(2025, 11, 3), QafGrade.C, 1));
    }

    private static QafReturn agreed(String reference, String year, LocalDate issued, QafGrade claimed, int changed) {
        LocalDateTime at = issued.atTime(9, 0);
        QafReturn qaf = new QafReturn(reference, 11L, year, QafVariant.FULL, issued.plusMonths(3), issued,
                issued.plusDays(49), "po-jones", at);
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).claim(claimed, "Policy, training records and three anonymised support plans.",
                    "Audit of support plans every quarter, reviewed by the manager.", null);
        }
        qaf.submit("Summary of the service's progress this year.", "provider-haven", at.plusDays(40),
                new BigDecimal("42.00"));
        qaf.reviewed(false, false, "po-jones", at.plusDays(45));
        qaf.validationDecided(true, "grade-change", at.plusDays(45));
        QafGrade lower = QafGrade.values()[claimed.ordinal() + 1];
        CoreObjective[] objectives = CoreObjective.values();
        for (int i = 0; i < objectives.length; i++) {
            boolean change = i < changed;
            qaf.objective(objectives[i]).agree(change ? lower : claimed, change ? REASON : null);
        }
        qaf.agreed("po-jones", at.plusDays(60));
        qaf.enteredOnSwift(issued.plusDays(62), "po-jones", at.plusDays(62));
        return qaf;
    }

    @Benchmark
    public byte[] render() {
        return pdf.render(thisYear, lastYear, service, provider);
    }
}
