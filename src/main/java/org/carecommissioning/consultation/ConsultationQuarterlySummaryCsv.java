package org.carecommissioning.consultation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.carecommissioning.consultation.ConsultationQuarterlySummary.Open;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Reported;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Summary;
import org.carecommissioning.consultation.ConsultationQuarterlySummary.Totals;

/**
 * U7: the quarterly summary as CSV, one row per consultation reported in the quarter, a row of totals, then one row
 * per consultation still open with its stage. Cells that a spreadsheet would run as a formula are neutralised.
 */
final class ConsultationQuarterlySummaryCsv {

    static final String HEADER = "section,reference,service code,service,provider,method,participants,"
            + "questionnaires returned,anonymous complaints,named complaints,safeguarding escalations,report issued on,"
            + "headline or stage";

    private ConsultationQuarterlySummaryCsv() {
    }

    static String render(Summary summary) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Reported row : summary.reported()) {
            line(csv, List.of("reported", row.reference(), row.serviceCode(), row.serviceName(), row.provider(),
                    row.method(), row.participants(), row.questionnaires(), row.anonymousComplaints(),
                    row.namedComplaints(), row.safeguardingEscalations(), row.reportIssuedOn(), row.headline()));
        }
        Totals totals = summary.totals();
        line(csv, List.of("total", summary.quarter().label(), "", totals.consultations() + " consultation(s)", "", "",
                totals.participants(), totals.questionnaires(), totals.anonymousComplaints(), totals.namedComplaints(),
                totals.safeguardingEscalations(), "", ""));
        for (Open open : summary.open()) {
            line(csv, List.of("open", open.reference(), open.serviceCode(), open.serviceName(), open.provider(), "", "",
                    "", "", "", "", "", open.stage()));
        }
        return csv.toString();
    }

    static byte[] bytes(Summary summary) {
        return render(summary).getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(String.valueOf(cells.get(i))));
        }
        csv.append('\n');
    }

    /** A cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
