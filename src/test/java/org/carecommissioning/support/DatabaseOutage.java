package org.carecommissioning.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * A database outage for application tests: between {@link #begin()} and {@link #end()} the application's DataSource
 * refuses every connection the way Hikari does when the database is away and its connection-timeout has passed
 * ({@code SQLTransientConnectionException: Connection is not available, request timed out}). Otherwise it hands the
 * pool's connections through untouched.
 */
@Component
public class DatabaseOutage implements BeanPostProcessor {

    private static volatile boolean away;

    public static void begin() {
        away = true;
    }

    public static void end() {
        away = false;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Refusing) ? new Refusing(dataSource) : bean;
    }

    private static final class Refusing extends DelegatingDataSource {

        Refusing(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            refuseWhileAway();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            refuseWhileAway();
            return super.getConnection(username, password);
        }

        private static void refuseWhileAway() throws SQLException {
            if (away) {
                throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                        + " after 5000ms (total=0, active=0, idle=0, waiting=0)");
            }
        }
    }
}
