package org.carecommissioning.quality;

import org.carecommissioning.support.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** QafReturnRecordsTest again, on the postgres profile against real PostgreSQL (V9 migration, the same queries). */
@ActiveProfiles({"test", "postgres"})
class QafReturnRecordsPostgresIT extends QafReturnRecordsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }
}
