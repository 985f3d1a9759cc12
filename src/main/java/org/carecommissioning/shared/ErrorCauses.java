package org.carecommissioning.shared;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what went wrong from an exception's cause chain, for the two error translations (the engine REST API
 * and the application's API): the engine and Spring wrap the exception a rule or the database threw, often
 * several times, so the outermost type says little.
 */
public final class ErrorCauses {

    /** Said instead of any database message, which would show SQL, table names and the values typed. */
    public static final String DATA_REFUSED = "A value could not be stored: a text too long, a number too large, a"
            + " date out of range or a record that already exists. Correct it and try again; nothing was saved.";
    /** Said instead of the details of a genuine server fault. */
    public static final String SERVER_FAULT = "Something went wrong on the server and nothing was saved. Try again;"
            + " if it happens again, tell the administrator the time it happened.";

    /**
     * Said to the loser of two simultaneous changes of one case (two people completing the same task, two nodes
     * recording the same session): the winner's change stands, the loser's was rolled back whole.
     */
    public static final String CONCURRENT_CHANGE = "This task was completed by someone else a moment ago, or its case"
            + " was changed while you were working on it; nothing you sent was saved. Reload the task list and try again.";
    /** Said when a task to be completed no longer exists: someone completed it, or its case moved on, before. */
    public static final String TASK_GONE = "This task no longer exists: someone else completed it a moment ago, or its"
            + " case has moved on. Reload the task list.";

    /** Said while the database cannot be reached, with a 503 and {@link #RETRY_AFTER_SECONDS}. */
    public static final String DATABASE_AWAY = "The case-management database is not reachable just now; try again in a"
            + " minute.";
    /** The {@code Retry-After} of a 503 while the database is away: the minute the sentence speaks of. */
    public static final int RETRY_AFTER_SECONDS = 60;

    /** Text that looks like SQL or a Java exception, which must never reach a caseworker. */
    private static final Pattern LEAK = Pattern.compile("(?is).*(\\binsert\\s+into\\b|\\bupdate\\s+\\S+\\s+set\\b"
            + "|\\bdelete\\s+from\\b|\\bselect\\b.+\\bfrom\\b|\\bsql|jdbc|exception|\\bat\\s+[\\w.$]+\\().*");

    private ErrorCauses() {
    }

    public static Optional<BusinessRuleViolation> businessRule(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof BusinessRuleViolation violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    /** Whether the database was involved at all (a driver, JPA, Spring data access or MyBatis exception). */
    public static boolean involvesDatabase(Throwable error) {
        for (Throwable cause : chain(error)) {
            String name = cause.getClass().getName();
            if (cause instanceof SQLException || name.startsWith("org.springframework.dao.")
                    || name.startsWith("org.springframework.orm.") || name.startsWith("jakarta.persistence.")
                    || name.startsWith("org.hibernate.") || name.startsWith("org.apache.ibatis.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused a value (SQL state class 22, data exception: too long, out of range) or a
     * constraint (class 23: a check, a unique key): the input was wrong, not the server.
     */
    public static boolean isDataRefusal(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
            if (cause.getClass().getName().equals("org.springframework.dao.DataIntegrityViolationException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is the loss of a race with another transaction on the same rows: the engine's
     * optimistic lock (a task or execution changed since it was read), JPA's {@code @Version} check (which Spring translates), a unique key
     * another transaction has just taken (SQL state 23505; the code checks before it inserts, so only a race gets
     * this far), or the database's own serialization failure or deadlock (40001, 40P01).
     */
    public static boolean isConcurrentChange(Throwable error) {
        for (Throwable cause : chain(error)) {
            String name = cause.getClass().getName();
            if (name.equals("org.camunda.bpm.engine.OptimisticLockingException")
                    || cause instanceof org.springframework.dao.OptimisticLockingFailureException
                    || cause instanceof org.springframework.dao.PessimisticLockingFailureException
                    || cause instanceof org.springframework.dao.DuplicateKeyException
                    || cause instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("23505") || sql.getSQLState().equals("40001")
                    || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether no connection to the database could be had: the pool timed out waiting for one
     * ({@code SQLTransientConnectionException}), the driver could not connect or lost the connection (SQL state class
     * 08; 57P01-57P03, the server shutting down or starting), or Spring could not open a transaction or get a
     * connection for that reason. Camunda and Hibernate wrap these in their own exceptions; the chain decides.
     */
    public static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the engine could not find the task a request was about (completed or removed in the meantime). */
    public static boolean isTaskGone(Throwable error) {
        for (Throwable cause : chain(error)) {
            if (cause instanceof org.camunda.bpm.engine.exception.NullValueException
                    && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message would show SQL, an exception name or a stack frame. */
    public static boolean leaks(String message) {
        return message != null && LEAK.matcher(message).matches();
    }

    /** The exception and its causes, outermost first; bounded, since a cause chain may loop. */
    private static java.util.List<Throwable> chain(Throwable error) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = error; cause != null && chain.size() < 50 && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
