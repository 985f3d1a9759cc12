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
import org.carecommissioning.contractmanagement.ContractedService;

/**
 * U3: the consent form (seed 004 part 3.6, appendix 1) as a PDF for the provider to print, one per participant: what
 * taking part means, that answers are kept against the consent reference and never the name, that any question may
 * be declined and consent withdrawn afterwards (the answers are then deleted), and the signatures of the service user
 * and, where one signs, the carer. It names no participant; the officer writes the consent reference on each copy.
 */
final class ConsentFormPdf {

    /** A Unicode font PDFBox ships, so service names print as written (as quality.QafSummaryPdf). */
    private static final String UNICODE_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final int WRAP = 95;

    private ConsentFormPdf() {
    }

    static String fileName(Consultation consultation) {
        return "Consent-form-" + consultation.getReference() + ".pdf";
    }

    static byte[] render(Consultation consultation, ContractedService service, String providerName) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Consent form " + consultation.getReference());
            PDFont font;
            try (InputStream stream = ConsentFormPdf.class.getResourceAsStream(UNICODE_FONT)) {
                if (stream == null) {
                    throw new IOException("Font " + UNICODE_FONT + " is missing from the PDFBox library");
                }
                font = PDType0Font.load(document, stream);
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                for (String[] line : lines(consultation, service, providerName)) {
                    float size = Float.parseFloat(line[0]);
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(line[1]);
                    content.endText();
                    y -= size + 6;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the consent form of " + consultation.getReference(), e);
        }
    }

    private static List<String[]> lines(Consultation consultation, ContractedService service, String providerName) {
        List<String[]> lines = new ArrayList<>();
        add(lines, 16, "Service user consultation: consent form");
        add(lines, 10, "Consultation " + consultation.getReference() + " of " + service.getName() + " ("
                + service.getServiceCode() + "), provided by " + providerName + ", " + consultation.getFinancialYear());
        add(lines, 10, "");
        add(lines, 10, "We are asking the people who use this service what they think of it, so that it can be improved."
                + " Taking part is your choice. You may decline any question. Your answers are recorded against the"
                + " consent reference below, never against your name, and our report names no one. You may withdraw"
                + " your consent after the meeting by giving the consent reference to the provider or by telephoning"
                + " the purchasing officer; your answers are then deleted.");
        add(lines, 10, "If you tell us something that worries us about your health, safety or wellbeing, we must pass"
                + " it on to make sure you are safe.");
        add(lines, 10, "");
        add(lines, 11, "Service user");
        add(lines, 10, "I agree to take part.   Name: ______________________________");
        add(lines, 10, "Signature: ______________________________   Date: ______________");
        add(lines, 10, "");
        add(lines, 11, "Carer (where a carer signs)");
        add(lines, 10, "Name: ______________________________");
        add(lines, 10, "Signature: ______________________________   Date: ______________");
        add(lines, 10, "");
        add(lines, 11, "Consent reference (written by the officer on your copy): CR-____-____");
        return lines;
    }

    private static void add(List<String[]> lines, int size, String text) {
        if (text.isEmpty()) {
            lines.add(new String[] {Integer.toString(size), ""});
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > WRAP) {
                lines.add(new String[] {Integer.toString(size), line.toString()});
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(new String[] {Integer.toString(size), line.toString()});
    }
}
