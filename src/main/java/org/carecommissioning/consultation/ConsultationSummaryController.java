package org.carecommissioning.consultation;

import java.util.Locale;

import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * U7: the quarterly summary of service-user feedback over the authenticated API, for the contracts manager and the
 * head of contracts (and administrators): {@code GET /api/consultations/summaries/2026-27/3} as CSV ({@code text/csv},
 * the default), or PDF with {@code /2026-27/3.pdf} or {@code ?format=pdf}. A year or quarter that is none is a 400.
 */
@RestController
class ConsultationSummaryController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ConsultationQuarterlySummary summaries;
    private final Caller caller;

    ConsultationSummaryController(ConsultationQuarterlySummary summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @GetMapping("/api/consultations/summaries/{year}/{quarter}")
    ResponseEntity<byte[]> summary(@PathVariable String year, @PathVariable String quarter,
            @RequestParam(required = false) String format) {
        caller.requireAnyOf("Only the contracts manager and the head of contracts can read the summary of service-user"
                + " feedback.", Roles.CONTRACTS_MANAGER, Roles.HEAD_OF_CONTRACTS, Roles.ADMIN);
        boolean pdfSuffix = quarter.toLowerCase(Locale.ROOT).endsWith(".pdf");
        boolean csvSuffix = quarter.toLowerCase(Locale.ROOT).endsWith(".csv");
        ConsultationQuarter parsed = ConsultationQuarter.parse(year,
                pdfSuffix || csvSuffix ? quarter.substring(0, quarter.length() - 4) : quarter);
        boolean pdf = pdfSuffix || (!csvSuffix && pdf(format));
        ConsultationQuarterlySummary.Summary summary = summaries.summary(parsed);
        String name = parsed.fileName();
        if (pdf) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
                    .body(ConsultationQuarterlySummaryPdf.render(summary));
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(ConsultationQuarterlySummaryCsv.bytes(summary));
    }

    private static boolean pdf(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        String chosen = format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("csv") && !chosen.equals("pdf")) {
            throw new BusinessRuleViolation("U7", "\"" + format.strip() + "\" is not a summary format; choose csv or"
                    + " pdf.");
        }
        return chosen.equals("pdf");
    }
}
