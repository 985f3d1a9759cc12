package org.carecommissioning.organisation;

public enum OrganisationType {
    /** Community group, school or local authority that refers and pays (seed 000, 002). */
    COMMISSIONING,
    /** The charity or contracted provider that delivers the service. */
    PROVIDER
}
