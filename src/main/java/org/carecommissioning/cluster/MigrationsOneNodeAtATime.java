package org.carecommissioning.cluster;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates the database (the engine's tables included, {@link CamundaEngineSchema}) on one node at a time: on
 * an empty database, a second node checking for Flyway's history table while the first was creating it found the
 * schema neither empty nor migrated and refused to start ("Unable to baseline schema history table ... as it already
 * exists, and is empty"). The second node waits here, then finds every migration applied.
 */
@Component
class MigrationsOneNodeAtATime implements FlywayMigrationStrategy {

    private final ClusterLock lock;

    MigrationsOneNodeAtATime(ClusterLock lock) {
        this.lock = lock;
    }

    @Override
    public void migrate(Flyway flyway) {
        lock.runExclusively(ClusterLock.MIGRATION, flyway::migrate);
    }
}
