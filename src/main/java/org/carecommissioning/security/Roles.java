package org.carecommissioning.security;

import java.util.List;

/** The Camunda groups of the roles table in RULES.md, plus Camunda's own administrator group. */
public final class Roles {

    public static final String COMMISSIONER = "commissioner";
    public static final String COORDINATOR = "coordinator";
    public static final String THERAPIST = "therapist";
    public static final String FINANCE = "finance";
    public static final String PROVIDER = "provider";
    public static final String PURCHASING_OFFICER = "purchasing-officer";
    public static final String CONTRACTS_MANAGER = "contracts-manager";
    public static final String SP_MANAGER = "sp-manager";
    public static final String HEAD_OF_CONTRACTS = "head-of-contracts";
    public static final String DATA_INPUT_CLERK = "data-input-clerk";
    public static final String PARTNERSHIP_ADMIN = "partnership-admin";
    /** UK GDPR: reads any service user's record and erases one on request (with administrators). */
    public static final String DATA_PROTECTION_OFFICER = "data-protection-officer";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(COMMISSIONER, COORDINATOR, THERAPIST, FINANCE, PROVIDER,
            PURCHASING_OFFICER, CONTRACTS_MANAGER, SP_MANAGER, HEAD_OF_CONTRACTS, DATA_INPUT_CLERK, PARTNERSHIP_ADMIN,
            DATA_PROTECTION_OFFICER);

    /** Managers who watch instances in Cockpit. */
    public static final List<String> MANAGERS = List.of(CONTRACTS_MANAGER, HEAD_OF_CONTRACTS, SP_MANAGER);

    private Roles() {
    }
}
