package org.carecommissioning.invoicing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.carecommissioning.organisation.BenchmarkOrganisations;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.referral.ReferralProperties;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FinancialQuarter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * R10: rendering one quarterly invoice PDF, as {@code InvoiceMailDelegate} attaches it and {@code InvoiceController}
 * serves it, with the settings of application.yaml. The invoice is raised as {@link InvoiceService} raises it: one line
 * per chargeable session, mostly treatments given with the client's contribution deducted (R9), every fifth a late
 * cancellation or non-attendance charged at full cost (R6). {@code lines}: a small commissioner's quarter (one page)
 * and a busy one (two pages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvoicePdfBenchmark {

    @Param({"8", "60"})
    public int lines;

    private InvoicePdf pdf;
    private Invoice invoice;
    private Organisation billed;

    @Setup
    public void raiseInvoice() {
        CareProperties care = new CareProperties(ZoneId.of("Europe/London"), new CareProperties.Admin("admin", "admin"),
                new CareProperties.Mail("no-reply@carecommissioning.example", "coordinator@activelightworks.example"),
                new CareProperties.Provider("ActiveLightWorks", "Registered charity, Derby"));
        InvoicingProperties invoicing = new InvoicingProperties(2000, 28);
        ReferralProperties referral = new ReferralProperties(2000);
        pdf = new InvoicePdf(care, invoicing, referral);
        billed = BenchmarkOrganisations.commissioning("HOPE", "Hope Community Group", "finance@hope.example");
        FinancialQuarter quarter = new FinancialQuarter(2026, 3);
        LocalDate issued = quarter.lastDay().plusDays(4);
        invoice = new Invoice("INV-HOPE-" + quarter.code(), 7L, quarter, issued,
                issued.plusDays(invoicing.paymentTermsDays()));
        int[] contributions = {0, 250, 500, 750, 1000};
        for (int i = 1; i <= lines; i++) {
            LocalDate session = quarter.firstDay().plusDays(i * 90L / (lines + 1));
            String referralNumber = String.format("REF-2026-%04d", 100 + i / 4);
            if (i % 5 == 0) {
                invoice.addLine((long) i, session, referralNumber,
                        "Cancelled with less than 24 hours' notice (charged at full cost)", referral.treatmentCostPence(), 0);
            } else {
                invoice.addLine((long) i, session, referralNumber, "Treatment given", referral.treatmentCostPence(),
                        contributions[i % contributions.length]);
            }
        }
    }

    @Benchmark
    public byte[] render() {
        return pdf.render(invoice, billed);
    }
}
