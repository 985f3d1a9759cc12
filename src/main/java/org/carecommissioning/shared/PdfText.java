package org.carecommissioning.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in the PDFs people receive (the invoice, the QAF summary, the consultation's documents): one Unicode font PDFBox
 * ships, so Welsh and accented names print as written (the standard 14 fonts cannot), and {@link #printable} so a
 * character that font cannot draw prints as {@value #REPLACEMENT} instead of failing the whole document.
 * <p>
 * The font file is read from the PDFBox jar once per JVM; each document still gets its own font object, because a
 * PDFBox font belongs to one document (its dictionary is written into that document, and the glyphs a document uses
 * are subset when it is saved) and PDFBox objects are not safe to share between threads. The shared bytes are only
 * ever read: every document parses them through its own {@link RandomAccessReadBuffer}.
 */
public final class PdfText {

    /** What a character the font cannot draw prints as. */
    public static final String REPLACEMENT = "?";

    /** LiberationSans, shipped inside PDFBox. */
    static final String UNICODE_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfText() {
    }

    /** The Unicode font, loaded into {@code document} (subset when it is saved, so only the glyphs used are embedded). */
    public static PDFont unicodeFont(PDDocument document) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(FontFile.BYTES), true, false);
    }

    /**
     * {@code text} with every character {@code font} cannot draw, and every control character, replaced by
     * {@value #REPLACEMENT}; everything else is kept as written, so a name is never lost to an exception.
     */
    public static String printable(PDFont font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            shown.append(drawable(font, codePoint, character) ? character : REPLACEMENT);
        });
        return shown.toString();
    }

    private static boolean drawable(PDFont font, int codePoint, String character) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(character);
            return true;
        } catch (IOException | IllegalArgumentException notInTheFont) {
            return false;
        }
    }

    /** The font file's bytes, read on first use (class initialisation is thread-safe) and never written. */
    private static final class FontFile {

        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = PdfText.class.getResourceAsStream(UNICODE_FONT)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + UNICODE_FONT + " is missing from the PDFBox library");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the font " + UNICODE_FONT, e);
            }
        }
    }
}
