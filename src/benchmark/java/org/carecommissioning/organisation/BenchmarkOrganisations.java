package org.carecommissioning.organisation;

import java.time.LocalDateTime;

/**
 * Organisations built as {@link OrganisationService} builds them, for the micro-benchmarks of other packages (the
 * entity's constructor is package-private; the benchmarks render documents and need no database).
 */
public final class BenchmarkOrganisations {

    private BenchmarkOrganisations() {
    }

    public static Organisation commissioning(String code, String name, String email) {
        return new Organisation(code, name, OrganisationType.COMMISSIONING, email, LocalDateTime.of(2025, 4, 1, 9, 0));
    }

    public static Organisation provider(String code, String name, String email) {
        return new Organisation(code, name, OrganisationType.PROVIDER, email, LocalDateTime.of(2025, 4, 1, 9, 0));
    }
}
