package org.carecommissioning.tasklist;

import javax.sql.DataSource;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two people completing one task at the same moment (issue 13): the engine notices only when it writes, after both
 * completions have run every step that follows the task, so the loser's steps ran on a case that had already moved
 * on. They refused with a business message ("cannot be submitted again"), inserted a duplicate row
 * ({@code session_number_unique}) or failed the optimistic lock, and the loser got a 400, a 500 or a 403.
 *
 * <p>Here a completion first takes the task's row lock, in its transaction, before anything else happens:
 * the first completion holds it until it commits; a second one waits for it and then finds the task gone (the
 * winner deleted it), or finds it already gone, and stops at once with the engine's optimistic-locking exception,
 * which every API answers with 409 and a plain sentence. If the first completion is refused and rolls back, the
 * second one goes ahead. The lock costs one update of one row per completion.
 *
 * <p>The hook is the task events the Camunda Spring Boot starter publishes (camunda.bpm.eventing.task, set in
 * application.yaml), inside the engine's transaction: the update runs on the engine's own connection.
 */
@Component
class TaskCompletionLock {

    private final JdbcTemplate jdbc;

    TaskCompletionLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventListener
    @Order(0)
    public void completing(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        if (jdbc.update("update ACT_RU_TASK set REV_ = REV_ where ID_ = ?", task.getId()) == 0) {
            throw new OptimisticLockingException("Task " + task.getId() + " was completed by someone else first.");
        }
    }
}
