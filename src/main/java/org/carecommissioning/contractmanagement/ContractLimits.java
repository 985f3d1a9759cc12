package org.carecommissioning.contractmanagement;

/**
 * The one declared limit of each text field of a contracted service: the entity's column (V3 migration, the
 * same widths) and the API's validation both use it, so an over-long value is refused with its limit named.
 */
final class ContractLimits {

    static final int SERVICE_CODE = 20;
    static final int SERVICE_NAME = 200;
    static final int PROVIDER_CODE = 10;
    static final int CLIENT_GROUP = 100;
    static final int SERVICE_TYPE = 100;
    static final int USER_ID = 64;

    private ContractLimits() {
    }
}
