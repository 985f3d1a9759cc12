package org.carecommissioning.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.PdfText;
import org.springframework.stereotype.Component;

/**
 * Q7: the "Summary of QAF Grading" (seed 004 part 3.3, appendix 2) as a PDF: per core objective, this year's and last
 * year's provider assessment (the claim) and reviewing officer assessment (the agreed grade), desk top or validation,
 * the date entered onto Swift, and the written reason for every grade that differs from the claim. Attached to the
 * e-mail telling the provider the agreed grades.
 */
@Component
class QafSummaryPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final int WRAP = 95;

    byte[] render(QafReturn qaf, Optional<QafReturn> lastYear, ContractedService service, Organisation provider) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Summary of QAF Grading " + qaf.getReference());
            PDFont font = PdfText.unicodeFont(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                write(new Lines(content, font, page.getMediaBox().getHeight() - MARGIN), qaf, lastYear, service,
                        provider);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the QAF summary of " + qaf.getReference(), e);
        }
    }

    /** The file name of the attachment. */
    static String fileName(QafReturn qaf) {
        return "Summary-of-QAF-Grading-" + qaf.getReference() + ".pdf";
    }

    private static void write(Lines out, QafReturn qaf, Optional<QafReturn> lastYear, ContractedService service,
            Organisation provider) throws IOException {
        out.text(16, "Summary of QAF Grading");
        out.text(10, "Name of Provider: " + provider.getName());
        out.text(10, "Service ID: " + service.getServiceCode() + " (" + service.getName() + ")");
        out.text(10, "QAF: " + qaf.getReference());
        out.skip();
        String previousYear = lastYear.map(QafReturn::getFinancialYear).orElse("last year");
        out.row(10, "Core Service Objective", qaf.getFinancialYear(), "", previousYear, "");
        out.row(9, "", "Provider", "Officer", "Provider", "Officer");
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            ObjectiveAssessment before = lastYear.map(p -> p.objective(row.getObjective())).orElse(null);
            out.row(9, row.getObjective().label(), grade(row.getClaimedGrade()), grade(row.getAgreedGrade()),
                    before == null ? "-" : grade(before.getClaimedGrade()),
                    before == null ? "-" : grade(before.getAgreedGrade()));
        }
        out.skip();
        boolean validated = Boolean.TRUE.equals(qaf.getValidationVisit());
        out.text(10, "Desk Top: " + (validated ? "No" : "Yes") + "    Validation: " + (validated ? "Yes" : "No")
                + "    Date entered onto Swift: " + (qaf.getSwiftEnteredOn() == null ? "not yet"
                        : DisplayDates.date(qaf.getSwiftEnteredOn())));
        out.text(10, "Reviewing Officer: " + (qaf.getAgreedBy() == null ? "" : qaf.getAgreedBy())
                + (qaf.getAgreedAt() == null ? "" : "    Date: " + DisplayDates.date(qaf.getAgreedAt().toLocalDate())));
        out.skip();
        out.text(11, "Reasons for grades that differ from your claim");
        boolean any = false;
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            if (row.getAgreedGrade() != null && row.getAgreedGrade() != row.getClaimedGrade()) {
                any = true;
                out.text(9, row.getObjective().label() + ": " + row.getAgreedGrade() + " (claimed "
                        + row.getClaimedGrade() + ")");
                for (String line : wrap(row.getAgreedReason() == null ? "" : row.getAgreedReason())) {
                    out.text(9, "    " + line);
                }
            }
        }
        if (!any) {
            out.text(9, "Every grade is as you claimed.");
        }
    }

    private static String grade(QafGrade grade) {
        return grade == null ? "-" : grade.name();
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + word.length() + 1 > WRAP) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes lines down one page (the summary is one page, as the paper form; reasons are bounded by QafLimits). */
    private static final class Lines {

        private static final float[] COLUMNS = {MARGIN, 290, 350, 410, 470};

        private final PDPageContentStream content;
        private final PDFont font;
        private float y;

        Lines(PDPageContentStream content, PDFont font, float top) {
            this.content = content;
            this.font = font;
            this.y = top;
        }

        void text(float size, String value) throws IOException {
            if (y < MARGIN) {
                return;
            }
            show(size, MARGIN, value);
            y -= size + 4;
        }

        void row(float size, String... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                show(size, COLUMNS[i], cells[i]);
            }
            y -= LINE;
        }

        void skip() {
            y -= LINE / 2;
        }

        private void show(float size, float x, String value) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(PdfText.printable(font, value));
            content.endText();
        }
    }
}
