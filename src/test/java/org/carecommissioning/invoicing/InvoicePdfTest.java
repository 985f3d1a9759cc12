package org.carecommissioning.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.referral.ReferralProperties;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R10/R11 quarterly invoice PDF")
class InvoicePdfTest {

    private static final CareProperties PROPERTIES = new CareProperties(
            ZoneId.of("Europe/London"),
            new CareProperties.Admin("admin", "secret"),
            new CareProperties.Mail("no-reply@carecommissioning.example", "coordinator@activelightworks.example"),
            new CareProperties.Provider("ActiveLightWorks", "Registered charity, Derby"));
    private static final InvoicingProperties INVOICING = new InvoicingProperties(2000, 28);
    private static final ReferralProperties REFERRAL = new ReferralProperties(2000);

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final LocalDate ISSUED = LocalDate.of(2027, 1, 4);
    private static final LocalDate DUE = ISSUED.plusDays(INVOICING.paymentTermsDays()); // 1 February 2027

    private final InvoicePdf pdf = new InvoicePdf(PROPERTIES, INVOICING, REFERRAL);

    static Invoice quarterInvoice() {
        Invoice invoice = new Invoice("INV-HOPE-2026Q3", 7L, Q3, ISSUED, DUE);
        invoice.addLine(11L, LocalDate.of(2026, 11, 25), "REF-2026-0007", "Treatment given",
                2000, 550);
        invoice.addLine(12L, LocalDate.of(2026, 12, 14), "REF-2026-0009",
                "Cancelled with less than 24 hours' notice (charged at full cost)", 2000, 0);
        return invoice;
    }

    static Organisation hope(String name) {
        Organisation organisation = mock(Organisation.class);
        when(organisation.getName()).thenReturn(name);
        when(organisation.getCode()).thenReturn("HOPE");
        when(organisation.getEmail()).thenReturn("finance@hope.example");
        return organisation;
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static String lineWith(String text, String needle) {
        List<String> lines = Arrays.stream(text.split("\\R")).filter(l -> l.contains(needle)).toList();
        assertThat(lines).as("lines containing '%s'", needle).hasSize(1);
        return lines.get(0);
    }

    @Nested
    @DisplayName("the invoice's sums")
    class Sums {

        @Test
        @DisplayName("R9 each line charges the cost less the client's contribution; R6 a late cancellation costs the full £20")
        void lines() {
            Invoice invoice = quarterInvoice();
            List<InvoiceLine> lines = invoice.getLines();
            assertThat(lines).extracting(InvoiceLine::getLineNumber).containsExactly(1, 2);
            assertThat(lines).extracting(InvoiceLine::getAmountPence).containsExactly(1450, 2000);
            assertThat(lines).extracting(InvoiceLine::getClientContributionPence).containsExactly(550, 0);
            assertThat(invoice.getSubtotalPence()).isEqualTo(3450L);
            assertThat(invoice.getClientContributionsPence()).isEqualTo(550L);
            assertThat(invoice.totalDuePence()).isEqualTo(3450L);
            assertThat(invoice.getPeriodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(invoice.getPeriodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(invoice.financialQuarter()).isEqualTo(Q3);
            assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        }

        @Test
        @DisplayName("R11 exactly one late fee, however often it is applied")
        void lateFeeOnce() {
            Invoice invoice = quarterInvoice();
            assertThat(invoice.addLateFee(2000)).isTrue();
            assertThat(invoice.addLateFee(2000)).isFalse();
            assertThat(invoice.addLateFee(5000)).isFalse();
            assertThat(invoice.getLateFeePence()).isEqualTo(2000L);
            assertThat(invoice.totalDuePence()).isEqualTo(5450L);
        }

        @Test
        @DisplayName("R11 never a late fee on a paid invoice")
        void noLateFeeWhenPaid() {
            Invoice invoice = quarterInvoice();
            invoice.markPaid();
            assertThat(invoice.addLateFee(2000)).isFalse();
            assertThat(invoice.getLateFeePence()).isZero();
            assertThat(invoice.totalDuePence()).isEqualTo(3450L);
        }

        @Test
        @DisplayName("R11 a waived fee leaves the treatments' total")
        void waived() {
            Invoice invoice = quarterInvoice();
            invoice.addLateFee(2000);
            invoice.waiveLateFee();
            assertThat(invoice.getLateFeePence()).isZero();
            assertThat(invoice.totalDuePence()).isEqualTo(3450L);
        }
    }

    @Nested
    @DisplayName("the PDF")
    class Pdf {

        @Test
        @DisplayName("R10 the PDF lists each chargeable session, the totals and the due date")
        void rendersInvoice() throws IOException {
            byte[] bytes = pdf.render(quarterInvoice(), hope("Hope Community Group"));

            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text = text(bytes);
            assertThat(text).contains("ActiveLightWorks", "Registered charity, Derby");
            assertThat(text).contains("INVOICE INV-HOPE-2026Q3");
            assertThat(text).contains("Invoice date: Mon 4 Jan 2027");
            assertThat(text).contains("Payment due by: Mon 1 Feb 2027");
            assertThat(text).contains("Period: 2026/27 Q3 (October-December 2026)");
            assertThat(text).contains("Hope Community Group (HOPE)", "finance@hope.example");

            String treatment = lineWith(text, "REF-2026-0007");
            assertThat(treatment).contains("Wed 25 Nov 2026", "REF-2026-0007", "Treatment given", "£20.00", "£5.50",
                    "£14.50");
            String cancellation = lineWith(text, "REF-2026-0009");
            assertThat(cancellation).contains("Mon 14 Dec 2026", "REF-2026-0009", "Cancelled with", "£20.00", "£0.00");
            assertThat(cancellation).endsWith("£20.00");

            assertThat(lineWith(text, "Client contributions recorded")).endsWith("£5.50");
            assertThat(lineWith(text, "Amount payable for treatments")).endsWith("£34.50");
            assertThat(lineWith(text, "TOTAL DUE")).endsWith("£34.50");
            assertThat(text).doesNotContain("Late payment administration fee");
            assertThat(text).contains("one administration fee of £20.00");
        }

        @Test
        @DisplayName("R11 after the late fee the PDF shows one fee line and a total of £54.50")
        void rendersLateFee() throws IOException {
            Invoice invoice = quarterInvoice();
            invoice.addLateFee(INVOICING.lateFeePence());
            invoice.addLateFee(INVOICING.lateFeePence());

            String text = text(pdf.render(invoice, hope("Hope Community Group")));

            assertThat(lineWith(text, "Late payment administration fee")).endsWith("£20.00");
            assertThat(lineWith(text, "Amount payable for treatments")).endsWith("£34.50");
            assertThat(lineWith(text, "TOTAL DUE")).endsWith("£54.50");
        }

        @Test
        @DisplayName("R10 the document title and author name the invoice and the provider")
        void metadata() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf.render(quarterInvoice(), hope("Hope Community Group")))) {
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Invoice INV-HOPE-2026Q3");
                assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("ActiveLightWorks");
                assertThat(document.getNumberOfPages()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("R10 a long quarter runs onto further pages, each session listed once")
        void manyLines() throws IOException {
            Invoice invoice = new Invoice("INV-HOPE-2026Q3", 7L, Q3, ISSUED, DUE);
            for (int i = 1; i <= 80; i++) {
                invoice.addLine((long) i, LocalDate.of(2026, 10, 1).plusDays(i), String.format("REF-2026-%04d", i), "Treatment given",
                        2000, 500);
            }
            byte[] bytes = pdf.render(invoice, hope("Hope Community Group"));
            String text = text(bytes);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                assertThat(document.getNumberOfPages()).isGreaterThan(1);
            }
            for (int i = 1; i <= 80; i++) {
                lineWith(text, String.format("REF-2026-%04d", i));
            }
            assertThat(lineWith(text, "TOTAL DUE")).endsWith("£1200.00");
        }

        @Test
        @DisplayName("R10 an organisation name with Welsh letters still renders")
        void welshName() throws IOException {
            String text = text(pdf.render(quarterInvoice(), hope("Ysgol Gymraeg Bro Dŵr")));
            assertThat(text).contains("INV-HOPE-2026Q3");
        }
    }
}
