package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;
import org.carecommissioning.contractmanagement.BenchmarkServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The consultation's three PDFs, rendered by {@link ConsultationPdf} as the mail delegates attach them: U3's consent
 * form, U6's report for a consultation taken through its steps with a report text of about 3,000 characters (the
 * limit is {@link ConsultationLimits#REPORT}), and U7's quarterly summary of a busy quarter (8 consultations
 * reported, 12 still open).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConsultationPdfBenchmark {

    private static final String PARAGRAPH = "Service users value their key workers and say they are listened to;"
            + " several would like more notice when a visit is moved, and night cover at weekends is a worry for those"
            + " living alone. The provider has agreed to send a text message when a visit changes.";

    private ContractedService service;
    private Consultation consultation;
    private ConsultationReportPdf.Counts counts;
    private Summary summary;

    @Setup
    public void consult() {
        service = BenchmarkServices.service("SP101", "Haven floating support", 11L);
        LocalDateTime planned = LocalDateTime.of(2026, 4, 6, 9, 0);
        consultation = new Consultation("SUC-SP101-2026", 1L, "2026/27", null, "po-jones", planned);
        consultation.proposed(ConsultationMethod.SMALL_GROUP, 35, 9, false, 9, "po-jones", planned.plusDays(7));
        consultation.agreed(ConsultationMethod.SMALL_GROUP, 9, null, "cm-smith", planned.plusDays(9));
        StringBuilder text = new StringBuilder();
        while (text.length() + PARAGRAPH.length() < 3000) {
            text.append(PARAGRAPH).append("\n\n");
        }
        consultation.reportWritten("Key workers valued; more notice of changed visits wanted", text.toString().trim(),
                false, "po-jones", planned.plusDays(80));
        counts = new ConsultationReportPdf.Counts(9, 0);
        summary = busyQuarter();
    }

    private static Summary busyQuarter() {
        ConsultationQuarter quarter = ConsultationQuarter.parse("2026/27", "Q2");
        List<Reported> reported = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            boolean questionnaire = i % 3 == 0;
            reported.add(new Reported(String.format("SUC-SP%03d-2026", 100 + i), String.format("SP%03d", 100 + i),
                    "Floating support, area " + i, "Provider " + i + " Housing Association",
                    questionnaire ? "questionnaire" : "small group", questionnaire ? 31 : 7, questionnaire ? 31 : 0,
                    i % 4 == 0 ? 1 : 0, 0, i == 5 ? 1 : 0, quarter.firstDay().plusDays(i * 10L),
                    "Support valued; more notice of changed visits wanted"));
        }
        List<Open> open = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            open.add(new Open(String.format("SUC-SP%03d-2026", 200 + i), String.format("SP%03d", 200 + i),
                    "Sheltered housing scheme " + i, "Provider " + (20 + i) + " Care",
                    (i % 2 == 0 ? ConsultationStatus.APPROACH_AGREED : ConsultationStatus.PLANNED).describe()));
        }
        return new Summary(quarter, quarter.lastDay().plusDays(3), reported, Totals.of(reported), open);
    }

    @Benchmark
    public byte[] consentForm() {
        return ConsentFormPdf.render(consultation, service, "Haven Housing Cymru - Tŷ Hafan");
    }

    @Benchmark
    public byte[] report() {
        return ConsultationReportPdf.render(consultation, service, "Haven Housing Cymru - Tŷ Hafan", counts);
    }

    @Benchmark
    public byte[] quarterlySummary() {
        return ConsultationQuarterlySummaryPdf.render(summary);
    }
}
