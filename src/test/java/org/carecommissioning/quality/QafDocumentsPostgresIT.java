package org.carecommissioning.quality;

import org.carecommissioning.support.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** QafDocumentsTest again, on the postgres profile against real PostgreSQL (V12's BYTEA column, the same queries). */
@ActiveProfiles({"test", "postgres"})
class QafDocumentsPostgresIT extends QafDocumentsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }
}
