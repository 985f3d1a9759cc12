package org.carecommissioning.quality;

import org.carecommissioning.support.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** QafReturnLifecycleTest again, on the postgres profile against real PostgreSQL (V9 and V10 migrations, the same queries). */
@ActiveProfiles({"test", "postgres"})
class QafReturnLifecyclePostgresIT extends QafReturnLifecycleTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }
}
