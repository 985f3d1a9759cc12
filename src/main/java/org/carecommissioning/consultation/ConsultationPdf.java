package org.carecommissioning.consultation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.carecommissioning.shared.PdfText;

/**
 * The consultation's printed documents (the consent form, the report, the quarterly summary): paragraphs of one
 * size each, wrapped to the page's width, on as many A4 pages as they need, in {@link PdfText}'s Unicode font so names
 * of services print as written. A character the font cannot show prints as "?" instead of failing the document.
 */
final class ConsultationPdf {

    private static final float MARGIN = 50;
    private static final int WRAP = 95;

    private final List<String[]> lines = new ArrayList<>();

    /** Adds a paragraph in {@code size} points, wrapped; its own line breaks are kept; empty text is a blank line. */
    ConsultationPdf add(int size, String text) {
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            wrap(size, paragraph.replace('\t', ' '));
        }
        return this;
    }

    byte[] render(String title) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            PDFont font = PdfText.unicodeFont(document);
            PDPage page = null;
            PDPageContentStream content = null;
            float y = 0;
            try {
                for (String[] line : lines) {
                    float size = Float.parseFloat(line[0]);
                    if (content == null || y - size < MARGIN) {
                        if (content != null) {
                            content.close();
                        }
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        content = new PDPageContentStream(document, page);
                        y = page.getMediaBox().getHeight() - MARGIN;
                    }
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(PdfText.printable(font, line[1]));
                    content.endText();
                    y -= size + 6;
                }
            } finally {
                if (content != null) {
                    content.close();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + title, e);
        }
    }

    private void wrap(int size, String text) {
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
