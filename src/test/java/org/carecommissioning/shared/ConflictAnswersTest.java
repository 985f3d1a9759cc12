package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Issue 13: the ways a lost race reaches the two error translations, each as the engine and Spring wrap it. A unique
 * key another transaction has just taken (two nodes recording session 3 of one referral) and a {@code @Version}
 * check are conflicts (409), with a sentence and never the SQL; a value the database refuses is still the caller's.
 */
class ConflictAnswersTest {

    private static final String INSERT = "insert into treatment_session (referral_id, session_number) values (7, 3)";

    @Test
    @DisplayName("Issue 13: duplicate key on session_number_unique inside a task completion is a 409 without SQL on /engine-rest")
    void duplicateKeyInCompletion() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"session_number_unique\""
                + " Detail: Key (referral_id, session_number)=(7, 3) already exists.", "23505");
        var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-16004", new DataIntegrityViolationException("could not execute statement [" + INSERT + "]", sql)),
                "Cannot complete task 42: could not execute statement");

        Response response = EngineRestErrors.toResponse(wrapped);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getEntity()).isEqualTo(Map.of("type", "Conflict", "message", ErrorCauses.CONCURRENT_CHANGE));
    }

    @Test
    @DisplayName("Issue 13: a @Version check lost, or the engine's optimistic lock, is a 409 on /engine-rest and /api")
    void optimisticLocks() {
        var version = new ProcessEngineException("ENGINE-16004",
                new ObjectOptimisticLockingFailureException("org.carecommissioning.referral.TreatmentSession", 7L));
        var engine = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[1]' failed.");

        for (Exception lost : new Exception[] {version, engine}) {
            assertThat(EngineRestErrors.toResponse(lost).getStatus()).isEqualTo(409);
            var problem = new ApiErrors().unexpected(lost);
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(problem.getBody().getDetail()).isEqualTo(ErrorCauses.CONCURRENT_CHANGE);
        }
    }

    @Test
    @DisplayName("Issue 13: a value too long for its column (SQL state 22001) is still a 400, not a conflict")
    void refusedValueIsNoConflict() {
        var tooLong = new DataIntegrityViolationException("value too long",
                new SQLException("Value too long for column", "22001"));

        assertThat(ErrorCauses.isConcurrentChange(tooLong)).isFalse();
        assertThat(EngineRestErrors.toResponse(tooLong).getStatus()).isEqualTo(400);
    }
}
