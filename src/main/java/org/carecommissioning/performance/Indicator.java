package org.carecommissioning.performance;

import java.util.Arrays;
import java.util.Optional;

/** PI3: the indicators whose triggers (minimum thresholds) the pi-trigger table sets each year. */
public enum Indicator {
    KPI1("Outcomes (long-term and floating support)"),
    KPI2("Outcomes (short-term)"),
    SPI1("Availability"),
    SPI2("Utilisation"),
    SPI3("Staffing"),
    SPI4("Throughput");

    private final String label;

    Indicator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Indicator> parse(String value) {
        return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }
}
