package org.carecommissioning.contractmanagement;

import java.time.LocalDate;

/**
 * Contracted services built as {@link ContractServices} builds them, for the micro-benchmarks of other packages (the
 * entity's constructor is package-private; the benchmarks render documents and need no database).
 */
public final class BenchmarkServices {

    private BenchmarkServices() {
    }

    public static ContractedService service(String serviceCode, String name, long providerOrganisationId) {
        return new ContractedService(serviceCode, name, providerOrganisationId, "Older people", "Floating support",
                PriorityLevel.AMBER, "po-jones", LocalDate.of(2027, 3, 1));
    }
}
