package org.carecommissioning.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.PdfText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The QAF report for the contracts manager to take to the Core Strategy Group and the Provider Working Group, for one
 * financial year (the QAFs issued in it): returns issued, returned on time, late and not returned (Q2); validation
 * visits by the reason qaf-validation-visit gave (Q5); the distribution of agreed grades per objective (Q1, Q7); and
 * every objective agreed at D with its improvement plan's status (Q8). As CSV and PDF.
 * <p>
 * A return is <b>on time</b> when it came in before its deadline passed (no non-return was recorded, Q2), <b>late</b>
 * when it came in after the non-return was recorded, <b>not returned</b> when its deadline has passed and it is not
 * in, and <b>awaited</b> while its deadline has not passed. Each D grade shows where its improvement plan stands (Q8,
 * {@link #planStatus}).
 */
@Service
public class QafReports {

    private final QafReturnRepository records;
    private final ContractServices services;
    private final Clock clock;

    QafReports(QafReturnRepository records, ContractServices services, Clock clock) {
        this.records = records;
        this.services = services;
        this.clock = clock;
    }

    /** The report on the QAFs issued for {@code year}, as they stand today. */
    @Transactional(readOnly = true)
    public Report report(QafYear year) {
        LocalDate today = LocalDate.now(clock);
        int onTime = 0;
        int late = 0;
        int notReturned = 0;
        int awaited = 0;
        Map<String, Integer> validations = new LinkedHashMap<>();
        QafReturns.VALIDATION_REASONS.forEach(reason -> validations.put(reason, 0));
        int undecided = 0;
        Map<CoreObjective, Map<QafGrade, Integer>> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            Map<QafGrade, Integer> counts = new EnumMap<>(QafGrade.class);
            for (QafGrade grade : QafGrade.values()) {
                counts.put(grade, 0);
            }
            grades.put(objective, counts);
        }
        List<DGrade> dGrades = new ArrayList<>();
        List<QafReturn> issued = records.findByFinancialYearOrderByReference(year.toString());
        for (QafReturn qaf : issued) {
            if (qaf.getSubmittedAt() != null) {
                if (qaf.getNonReturnRecordedOn() == null) {
                    onTime++;
                } else {
                    late++;
                }
            } else if (qaf.getDueOn().isBefore(today)) {
                notReturned++;
            } else {
                awaited++;
            }
            if (qaf.getValidationReason() != null) {
                validations.merge(qaf.getValidationReason(), 1, Integer::sum);
            } else if (qaf.getReviewedAt() != null) {
                undecided++;
            }
            ContractedService service = null;
            for (ObjectiveAssessment row : qaf.getObjectives()) {
                QafGrade agreed = row.getAgreedGrade();
                if (agreed == null) {
                    continue;
                }
                grades.get(row.getObjective()).merge(agreed, 1, Integer::sum);
                if (agreed == QafGrade.D) {
                    service = service == null ? services.get(qaf.getServiceId()) : service;
                    dGrades.add(new DGrade(qaf.getReference(), service.getServiceCode(), service.getName(),
                            row.getObjective(), planStatus(qaf, today)));
                }
            }
        }
        return new Report(year, today, new Returns(issued.size(), onTime, late, notReturned, awaited), validations,
                undecided, grades, dGrades);
    }

    /** Q8: where the improvement plan asked for a QAF's D grade stands on {@code today}. */
    static String planStatus(QafReturn qaf, LocalDate today) {
        if (qaf.getPlanDueOn() == null) {
            return "after final grades";
        }
        if (qaf.getImprovementPlan() == null) {
            return (today.isAfter(qaf.getPlanDueOn()) ? "overdue since " : "due ")
                    + DisplayDates.date(qaf.getPlanDueOn());
        }
        if (qaf.getPlanOfficerReviewedBy() == null || qaf.getPlanManagerReviewedBy() == null) {
            return "in review";
        }
        if (qaf.getImproved() == null) {
            return "validation on " + DisplayDates.date(qaf.getImprovementValidationOn());
        }
        if (qaf.getImproved()) {
            return "improved";
        }
        if (qaf.getDefaultNotice() == null) {
            return "not improved: default notice to decide";
        }
        return qaf.getDefaultNotice() ? "not improved: default notice" : "not improved: no default notice";
    }

    /** The report as CSV: one row per figure, columns section, item, detail, value. */
    public String csv(Report report) {
        StringBuilder csv = new StringBuilder("section,item,detail,value\n");
        row(csv, "report", "financial year", "", report.year().toString());
        row(csv, "report", "as of", "", report.asOf().toString());
        Returns returns = report.returns();
        row(csv, "returns", "issued", "", returns.issued());
        row(csv, "returns", "returned on time", "", returns.onTime());
        row(csv, "returns", "returned late", "", returns.late());
        row(csv, "returns", "not returned", "deadline passed", returns.notReturned());
        row(csv, "returns", "awaited", "deadline not passed", returns.awaited());
        report.validationsByReason().forEach((reason, count) -> row(csv, "validation", reason,
                "none".equals(reason) ? "self-assessed, no visit" : "validation visit", count));
        row(csv, "validation", "not decided yet", "reviewed, decision pending", report.validationUndecided());
        report.grades().forEach((objective, counts) -> counts.forEach((grade, count) -> row(csv, "agreed grades",
                objective.label(), grade.name(), count)));
        for (DGrade d : report.dGrades()) {
            row(csv, "D grade", d.reference(), d.serviceCode() + " " + d.serviceName() + " / " + d.objective().label(),
                    "plan: " + d.planStatus());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, String item, String detail, Object value) {
        csv.append(cell(section)).append(',').append(cell(item)).append(',').append(cell(detail)).append(',')
                .append(cell(String.valueOf(value))).append('\n');
    }

    /** CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** The report as a PDF, for the meeting papers. */
    public byte[] pdf(Report report) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("QAF report " + report.year());
            new PdfWriter(document).write(report);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the QAF report " + report.year(), e);
        }
    }

    /** The CSV's bytes, UTF-8. */
    public byte[] csvBytes(Report report) {
        return csv(report).getBytes(StandardCharsets.UTF_8);
    }

    private static final class PdfWriter {

        private static final float MARGIN = 50;
        private static final float LINE = 14;

        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;

        PdfWriter(PDDocument document) throws IOException {
            this.document = document;
            this.font = PdfText.unicodeFont(document);
        }

        void write(Report report) throws IOException {
            newPage();
            text(16, "QAF report " + report.year());
            text(10, "For the Core Strategy Group and the Provider Working Group. As of "
                    + DisplayDates.date(report.asOf()) + "; the QAFs issued for " + report.year() + ".");
            y -= LINE;
            Returns returns = report.returns();
            text(12, "Returns (Q2)");
            text(10, "Issued: " + returns.issued() + "    on time: " + returns.onTime() + "    late: " + returns.late()
                    + "    not returned: " + returns.notReturned() + "    awaited: " + returns.awaited());
            y -= LINE;
            text(12, "Validation visits and why (Q5)");
            report.validationsByReason().forEach((reason, count) -> line(10, "  " + reason + ": " + count));
            line(10, "  not decided yet: " + report.validationUndecided());
            y -= LINE;
            text(12, "Agreed grades per objective (Q1, Q7)");
            line(10, "  objective: A / B / C / D");
            report.grades().forEach((objective, counts) -> line(10, "  " + objective.label() + ": " + counts.get(QafGrade.A)
                    + " / " + counts.get(QafGrade.B) + " / " + counts.get(QafGrade.C) + " / " + counts.get(QafGrade.D)));
            y -= LINE;
            text(12, "D grades and their improvement plans (Q8)");
            if (report.dGrades().isEmpty()) {
                line(10, "  none");
            }
            for (DGrade d : report.dGrades()) {
                line(10, "  " + d.reference() + "  " + d.serviceCode() + " " + d.serviceName() + "  "
                        + d.objective().label() + "  plan: " + d.planStatus());
            }
            content.close();
        }

        private void line(float size, String text) {
            try {
                text(size, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void text(float size, String text) throws IOException {
            if (y < MARGIN + LINE) {
                content.close();
                newPage();
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            // a service's name with a character the font cannot draw prints "?" instead of failing the report
            content.showText(PdfText.printable(font, text.length() > 110 ? text.substring(0, 107) + "..." : text));
            content.endText();
            y -= size >= 12 ? LINE + 4 : LINE;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }
    }

    /** Q2: the returns of the year. */
    public record Returns(int issued, int onTime, int late, int notReturned, int awaited) {
    }

    /** Q8: an objective agreed at D, and where its improvement plan stands. */
    public record DGrade(String reference, String serviceCode, String serviceName, CoreObjective objective,
            String planStatus) {
    }

    /** The QAF report of one financial year. */
    public record Report(QafYear year, LocalDate asOf, Returns returns, Map<String, Integer> validationsByReason,
            int validationUndecided, Map<CoreObjective, Map<QafGrade, Integer>> grades, List<DGrade> dGrades) {

        /** Validation visits made or planned (every reason but none). */
        public int visits() {
            return validationsByReason.entrySet().stream().filter(e -> !"none".equals(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }
}
