package org.carecommissioning.performance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.shared.BusinessRuleViolation;

/**
 * PI2: a quarter's return uploaded as CSV (Tasklist cannot upload files): a header row and one row of values.
 * Columns: dcc_code, units, units_change_explanation, KPI1, KPI2, SPI1, SPI2, SPI3, SPI4, local_pis, comments.
 * The result uses the same variable names as the return form.
 */
final class WorkbookCsv {

    static final List<String> REQUIRED = List.of("dcc_code", "units", "SPI1", "SPI2", "SPI3", "SPI4", "local_pis");
    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("dcc_code", "dccCode"), Map.entry("units", "unitsReported"),
            Map.entry("units_change_explanation", "unitsChangeExplanation"), Map.entry("local_pis", "localPis"),
            Map.entry("comments", "providerComments"));

    private WorkbookCsv() {
    }

    static Map<String, Object> parse(String csv) {
        List<List<String>> rows = rows(csv == null ? "" : csv);
        if (rows.size() != 2) {
            throw new BusinessRuleViolation("PI2", "The CSV needs a header row and exactly one row of values.");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        List<String> missing = REQUIRED.stream().filter(c -> header.stream().noneMatch(h -> h.equalsIgnoreCase(c)))
                .toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolation("PI2", "The CSV is missing the column(s) " + String.join(", ", missing) + ".");
        }
        if (header.stream().noneMatch(h -> h.equalsIgnoreCase("KPI1") || h.equalsIgnoreCase("KPI2"))) {
            throw new BusinessRuleViolation("PI2", "The CSV needs a KPI1 or a KPI2 column.");
        }
        List<String> values = rows.get(1);
        if (values.size() != header.size()) {
            throw new BusinessRuleViolation("PI2", "The row has " + values.size() + " values for " + header.size()
                    + " columns.");
        }
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = values.get(i).trim();
            String variable = VARIABLES.get(column.toLowerCase());
            if (variable == null && column.matches("(?i)^(KPI|SPI)\\d+$")) {
                Indicator indicator = Indicator.parse(column).orElseThrow(() -> new BusinessRuleViolation("PI3",
                        "Unknown indicator " + column + "; the indicators are KPI1, KPI2, SPI1, SPI2, SPI3 and SPI4."));
                variable = indicator.name().toLowerCase();
            }
            if (variable == null) {
                throw new BusinessRuleViolation("PI2", "Unknown column " + column + ".");
            }
            variables.put(variable, value.isEmpty() ? null : value);
        }
        return variables;
    }

    /** Minimal RFC 4180 reading: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
