package org.carecommissioning.performance;

import org.carecommissioning.support.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quarterly PI return tests (PI1-PI7) again, on the postgres profile against real PostgreSQL. */
@ActiveProfiles({"test", "postgres"})
class PiReturnLifecyclePostgresIT extends PiReturnLifecycleTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
    }
}
