package org.carecommissioning.contractmanagement;

import org.carecommissioning.support.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract management meeting tests (C1-C8) again, on the postgres profile against real PostgreSQL. */
@ActiveProfiles({"test", "postgres"})
class ContractManagementMeetingPostgresIT extends ContractManagementMeetingTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }
}
