package org.carecommissioning.invoicing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.referral.ReferralProperties;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.PdfText;
import org.springframework.stereotype.Component;

/** Renders an invoice as a PDF (R10): one line per chargeable session, totals, due date and the late-fee term. */
@Component
public class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private final CareProperties properties;
    private final InvoicingProperties invoicing;
    private final ReferralProperties referral;

    InvoicePdf(CareProperties properties, InvoicingProperties invoicing, ReferralProperties referral) {
        this.properties = properties;
        this.invoicing = invoicing;
        this.referral = referral;
    }

    public byte[] render(Invoice invoice, Organisation billed) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.getInvoiceNumber());
            info.setAuthor(properties.provider().name());
            new Writer(document).write(invoice, billed);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.getInvoiceNumber(), e);
        }
    }

    private final class Writer {

        private final PDDocument document;
        /** Welsh and other names print as written (the standard 14 fonts cannot), see PdfText. */
        private final PDFont regular;
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.regular = PdfText.unicodeFont(document);
        }

        void write(Invoice invoice, Organisation billed) throws IOException {
            newPage();
            text(bold, 18, MARGIN, properties.provider().name());
            text(regular, 10, MARGIN, properties.provider().address());
            y -= LINE;
            text(bold, 14, MARGIN, "INVOICE " + invoice.getInvoiceNumber());
            text(regular, 10, MARGIN, "Invoice date: " + DisplayDates.date(invoice.getIssueDate()));
            text(regular, 10, MARGIN, "Payment due by: " + DisplayDates.date(invoice.getDueDate()) + " (within "
                    + invoicing.paymentTermsDays() + " days of the invoice date)");
            text(regular, 10, MARGIN, "Period: " + invoice.financialQuarter().label());
            y -= LINE / 2;
            text(bold, 10, MARGIN, "Bill to:");
            text(regular, 10, MARGIN, billed.getName() + " (" + billed.getCode() + ")");
            text(regular, 10, MARGIN, billed.getEmail());
            y -= LINE;
            row(bold, "#", "Date", "Referral", "Item", "Cost", "Client paid", "Amount");
            for (InvoiceLine line : invoice.getLines()) {
                if (y < MARGIN + 4 * LINE) {
                    content.close();
                    newPage();
                    row(bold, "#", "Date", "Referral", "Item", "Cost", "Client paid", "Amount");
                }
                row(regular, String.valueOf(line.getLineNumber()), DisplayDates.date(line.getSessionDate()),
                        line.getReferralNumber(), truncate(line.getDescription(), 30), Money.format(line.getTreatmentCostPence()),
                        Money.format(line.getClientContributionPence()), Money.format(line.getAmountPence()));
            }
            y -= LINE / 2;
            total("Client contributions recorded", invoice.getClientContributionsPence());
            total("Amount payable for treatments", invoice.getSubtotalPence());
            if (invoice.getLateFeePence() > 0) {
                total("Late payment administration fee", invoice.getLateFeePence());
            }
            total("TOTAL DUE", invoice.totalDuePence());
            y -= LINE;
            text(regular, 9, MARGIN, "Each treatment costs " + Money.format(referral.treatmentCostPence())
                    + "; the client's contribution is deducted. Cancellations with less than 24 hours' notice and");
            text(regular, 9, MARGIN, "non-attendance are charged at full cost. Payments later than the due date incur"
                    + " one administration fee of " + Money.format(invoicing.lateFeePence()) + ".");
            content.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private void text(PDFont font, float size, float x, String value) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(PdfText.printable(font, value));
            content.endText();
            y -= size + 4;
        }

        private void row(PDFont font, String... cells) throws IOException {
            // the date column is wide enough for "Wed 30 Dec 2026" (Tasklist 4)
            float[] columns = {MARGIN, 68, 135, 205, 420, 465, 520};
            for (int i = 0; i < cells.length; i++) {
                content.beginText();
                content.setFont(font, 8);
                content.newLineAtOffset(columns[i], y);
                content.showText(PdfText.printable(font, cells[i]));
                content.endText();
            }
            y -= LINE;
        }

        private void total(String label, long pence) throws IOException {
            content.beginText();
            content.setFont(bold, 10);
            content.newLineAtOffset(330, y);
            content.showText(label);
            content.endText();
            content.beginText();
            content.setFont(bold, 10);
            content.newLineAtOffset(510, y);
            content.showText(Money.format(pence));
            content.endText();
            y -= LINE;
        }

        private String truncate(String value, int max) {
            return value.length() <= max ? value : value.substring(0, max - 1) + ".";
        }
    }
}
