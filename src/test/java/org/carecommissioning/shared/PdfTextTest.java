package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PDF text: one Unicode font for every document, and a replacement for what it cannot draw")
class PdfTextTest {

    @ParameterizedTest(name = "\"{0}\" prints as written")
    @ValueSource(strings = {"Ysgol Gymraeg Bro Dŵr", "Haven Housing Cymru - Tŷ Hafan", "Siân, Llŷr and Zoë",
        "Crème brûlée, Łódź, Ærø", "£20.00 - 24 hours' notice"})
    @DisplayName("Welsh, accented letters and the pound sign are kept")
    void keepsWhatTheFontDraws(String name) throws IOException {
        try (PDDocument document = new PDDocument()) {
            assertThat(PdfText.printable(PdfText.unicodeFont(document), name)).isEqualTo(name);
        }
    }

    @Test
    @DisplayName("an emoji, a CJK ideograph and a control character each print as one replacement character")
    void replacesWhatTheFontCannotDraw() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = PdfText.unicodeFont(document);

            assertThat(PdfText.printable(font, "staff are lovely \uD83D\uDE00")).isEqualTo("staff are lovely ?");
            assertThat(PdfText.printable(font, "漢字 Tŷ")).isEqualTo("?? Tŷ");
            assertThat(PdfText.printable(font, "a\u0007b\tc")).isEqualTo("a?b?c");
            assertThat(PdfText.REPLACEMENT).isEqualTo("?");
        }
    }

    @Test
    @DisplayName("each document gets its own font from the one font file, and each saved document shows its text")
    void oneFontPerDocument() throws IOException {
        try (PDDocument first = new PDDocument(); PDDocument second = new PDDocument()) {
            PDFont firstFont = PdfText.unicodeFont(first);
            PDFont secondFont = PdfText.unicodeFont(second);

            assertThat(firstFont).isNotSameAs(secondFont);
            assertThat(extracted(first, firstFont, "Tŷ Hafan \uD83D\uDE00")).isEqualTo("Tŷ Hafan ?");
            assertThat(extracted(second, secondFont, "Bro Dŵr")).isEqualTo("Bro Dŵr");
        }
    }

    private static String extracted(PDDocument document, PDFont font, String text) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, 12);
            content.newLineAtOffset(50, 700);
            content.showText(PdfText.printable(font, text));
            content.endText();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        try (PDDocument saved = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(saved).strip();
        }
    }
}
