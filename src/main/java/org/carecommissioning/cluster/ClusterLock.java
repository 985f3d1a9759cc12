package org.carecommissioning.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * A lock held by one node of the cluster at a time: a PostgreSQL transaction-scoped advisory lock, taken on a
 * connection of its own and released when that connection's transaction ends (or the node dies and its connection
 * closes). The work itself runs in its own transactions on other connections. On any other database (the embedded
 * H2 of the demo and the tests, one node by nature) the work simply runs.
 */
@Component
class ClusterLock {

    /** The key of the start-up writers' lock (any fixed number the application uses for nothing else). */
    static final long STARTUP = 0x43415245_00000001L;
    /** The key of the database migrations' lock. */
    static final long MIGRATION = 0x43415245_00000002L;

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void runExclusively(long key, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                work.run();
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
                work.run();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the cluster lock " + key, e);
        }
    }
}
