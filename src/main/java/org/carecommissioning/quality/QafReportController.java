package org.carecommissioning.quality;

import java.util.Locale;

import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QAF report over the authenticated API, for the contracts manager and the head of contracts (and
 * administrators): {@code GET /api/qaf/reports/2026-27} or {@code GET /api/qaf/reports?year=2026/27}, as CSV
 * ({@code text/csv}, the default) or PDF ({@code application/pdf}), chosen by {@code format=csv|pdf} or the
 * {@code Accept} header.
 */
@RestController
class QafReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final QafReports reports;
    private final Caller caller;

    QafReportController(QafReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GetMapping("/api/qaf/reports/{year}")
    ResponseEntity<byte[]> report(@PathVariable String year, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        caller.requireAnyOf("Only the contracts manager and the head of contracts can read the QAF report.",
                Roles.CONTRACTS_MANAGER, Roles.HEAD_OF_CONTRACTS, Roles.ADMIN);
        QafYear parsed = QafYear.parse(year, "Q2");
        QafReports.Report report = reports.report(parsed);
        String name = "qaf-report-" + parsed.fileName();
        if (pdf(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
                    .body(reports.pdf(report));
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(reports.csvBytes(report));
    }

    @GetMapping("/api/qaf/reports")
    ResponseEntity<byte[]> reportOfYear(@RequestParam(required = false) String year,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return report(year, format, accept);
    }

    private static boolean pdf(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            if (!chosen.equals("csv") && !chosen.equals("pdf")) {
                throw new BusinessRuleViolation("Q2", "\"" + format.strip() + "\" is not a report format; choose csv or"
                        + " pdf.");
            }
            return chosen.equals("pdf");
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_PDF_VALUE);
    }
}
