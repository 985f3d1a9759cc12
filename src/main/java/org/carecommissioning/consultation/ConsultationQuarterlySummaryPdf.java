package org.carecommissioning.consultation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;
import org.carecommissioning.shared.DisplayDates;

/**
 * U7: the quarterly summary as a PDF for the Core Strategy Group's and the commissioning body's papers: each
 * consultation reported in the quarter with its counts and headline, the totals, and the consultations still open.
 */
final class ConsultationQuarterlySummaryPdf {

    /** A Unicode font PDFBox ships, so service names print as written (as ConsentFormPdf). */
    private static final String UNICODE_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final int WRAP = 100;

    private ConsultationQuarterlySummaryPdf() {
    }

    static byte[] render(Summary summary) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Service-user feedback " + summary.quarter().label());
            PDFont font;
            try (InputStream stream = ConsultationQuarterlySummaryPdf.class.getResourceAsStream(UNICODE_FONT)) {
                if (stream == null) {
                    throw new IOException("Font " + UNICODE_FONT + " is missing from the PDFBox library");
                }
                font = PDType0Font.load(document, stream);
            }
            PDPageContentStream content = null;
            float y = 0;
            for (String[] line : lines(summary)) {
                float size = Float.parseFloat(line[0]);
                if (content == null || y < MARGIN + size) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line[1]);
                content.endText();
                y -= size + 5;
            }
            content.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the consultation summary " + summary.quarter().code(), e);
        }
    }

    private static List<String[]> lines(Summary summary) {
        List<String[]> lines = new ArrayList<>();
        add(lines, 16, "Service-user feedback: " + summary.quarter().label());
        add(lines, 10, "For the Core Strategy Group and the commissioning body (U7). The consultations whose report was"
                + " issued from " + DisplayDates.date(summary.quarter().firstDay()) + " to "
                + DisplayDates.date(summary.quarter().lastDay()) + ", as of " + DisplayDates.date(summary.asOf())
                + ". No participant is named; participants are the answer sets standing after withdrawals.");
        add(lines, 10, "");
        add(lines, 12, "Consultations reported");
        if (summary.reported().isEmpty()) {
            add(lines, 10, "None in this quarter.");
        }
        for (Reported row : summary.reported()) {
            add(lines, 10, row.reference() + "  " + row.serviceCode() + " " + row.serviceName() + ", " + row.provider()
                    + "; " + row.method() + "; report issued " + DisplayDates.date(row.reportIssuedOn()));
            add(lines, 10, "    participants " + row.participants() + ", questionnaires returned " + row.questionnaires()
                    + ", complaints " + row.anonymousComplaints() + " anonymous / " + row.namedComplaints()
                    + " named, safeguarding escalations " + row.safeguardingEscalations());
            add(lines, 10, "    Headline: " + row.headline());
        }
        add(lines, 10, "");
        Totals totals = summary.totals();
        add(lines, 12, "Totals");
        add(lines, 10, totals.consultations() + " consultation(s) reported; participants " + totals.participants()
                + ", questionnaires returned " + totals.questionnaires() + ", complaints "
                + totals.anonymousComplaints() + " anonymous / " + totals.namedComplaints()
                + " named, safeguarding escalations " + totals.safeguardingEscalations());
        add(lines, 10, "");
        add(lines, 12, "Consultations still open");
        if (summary.open().isEmpty()) {
            add(lines, 10, "None.");
        }
        for (Open open : summary.open()) {
            add(lines, 10, open.reference() + "  " + open.serviceCode() + " " + open.serviceName() + ", "
                    + open.provider() + ": " + open.stage());
        }
        return lines;
    }

    private static void add(List<String[]> lines, int size, String text) {
        StringBuilder line = new StringBuilder();
        for (String word : text.replaceAll("\\s+", " ").split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > WRAP) {
                lines.add(new String[] {Integer.toString(size), line.toString()});
                line.setLength(0);
                line.append("    ");
            }
            line.append(line.length() > 0 && !line.toString().isBlank() ? " " : "").append(word);
        }
        lines.add(new String[] {Integer.toString(size), line.toString()});
    }
}
