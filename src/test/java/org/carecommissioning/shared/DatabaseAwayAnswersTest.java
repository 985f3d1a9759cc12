package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Issue 13: the database going away in the middle of a request (after authentication), as the engine, Spring and the
 * driver wrap it, is a 503 with Retry-After and a sentence on /engine-rest and /api; a genuine fault is still a 500.
 */
class DatabaseAwayAnswersTest {

    @Test
    @DisplayName("Issue 13: no connection (pool timeout, lost connection, no transaction) is 503 with Retry-After on /engine-rest")
    void engineRest() {
        var poolTimeout = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-03004", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))), "Cannot complete");
        var lost = new ProcessEngineException("ENGINE-03083", new SQLException("An I/O error occurred", "08006"));

        for (Exception away : new Exception[] {poolTimeout, lost}) {
            Response response = EngineRestErrors.toResponse(away);
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
            assertThat(response.getEntity().toString()).contains(ErrorCauses.DATABASE_AWAY);
        }
    }

    @Test
    @DisplayName("Issue 13: a transaction that cannot be opened is 503 with Retry-After on /api; another fault is still 500")
    void api() {
        var answer = new ApiErrors().unexpected(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(answer.getBody().getDetail()).isEqualTo(ErrorCauses.DATABASE_AWAY);
        assertThat(new ApiErrors().unexpected(new IllegalStateException("bug")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
