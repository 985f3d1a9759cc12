package org.carecommissioning.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Closes the Camunda 7.24 CE expression-injection hole inside the engine, where every caller passes: the
 * engine REST API, the webapps' copy of it and Java code alike, whatever the body looked like on the wire.
 * <p>
 * In 7.24.0 CE the or-queries of a task query ({@code orQueries[].dueAfterExpression}) and the extending query
 * of {@code /filter/{id}/list} escape the engine's own "no expressions in ad-hoc queries" check, so any
 * Tasklist user could run an arbitrary expression on the server. This interceptor sees each command before it
 * runs and refuses:
 * <ul>
 * <li>a task query run directly (ad hoc) that carries an expression anywhere, in itself or an or-query;</li>
 * <li>a filter run with an extending query that carries an expression anywhere;</li>
 * <li>a saved filter whose expressions are anything but Tasklist's own identity and date functions
 * ({@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}},
 * {@code ${dateTime().plusDays(2).toDate()}} and the like).</li>
 * </ul>
 * It fails closed: a command of those kinds whose query it cannot read is refused too.
 */
class QueryExpressionGuard extends CommandInterceptor {

    static final String REFUSAL = "Expressions are not allowed in task or filter queries.";
    static final String FILTER_REFUSAL = "A saved filter may only use ${currentUser()}, ${currentUserGroups()},"
            + " ${now()} or ${dateTime()...} as expressions.";

    /** Tasklist's own expression vocabulary for saved filters, and nothing else. */
    private static final Pattern SAFE_STORED_EXPRESSION = Pattern.compile("[$#]\\{\\s*(currentUser\\(\\)"
            + "|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes"
            + "|Seconds)\\(\\s*\\d{1,6}\\s*\\))*(\\.toDate\\(\\))?)\\s*\\}");

    @Override
    public <T> T execute(Command<T> command) {
        check(command);
        return next.execute(command);
    }

    static void check(Object command) {
        if (command instanceof TaskQueryImpl query) {
            if (!expressionsOf(query).isEmpty()) {
                throw new BadUserRequestException(REFUSAL);
            }
        } else if (command instanceof AbstractExecuteFilterCmd) {
            Object extendingQuery = field(command, AbstractExecuteFilterCmd.class, "extendingQuery");
            if (extendingQuery != null && !expressionsOf(extendingQuery).isEmpty()) {
                throw new BadUserRequestException(REFUSAL);
            }
        } else if (command instanceof SaveFilterCmd) {
            Object filter = field(command, SaveFilterCmd.class, "filter");
            Query<?, ?> query = filter instanceof Filter saved ? saved.getQuery() : null;
            if (query != null) {
                for (String expression : expressionsOf(query)) {
                    if (!SAFE_STORED_EXPRESSION.matcher(expression).matches()) {
                        throw new BadUserRequestException(FILTER_REFUSAL);
                    }
                }
            }
        }
    }

    /** Every expression of a query and of each of its or-queries; refuses a query it cannot inspect. */
    static List<String> expressionsOf(Object query) {
        if (!(query instanceof TaskQueryImpl taskQuery)) {
            // Only task queries take expressions in 7.24; anything else extending a task filter is not understood.
            throw new BadUserRequestException(REFUSAL);
        }
        List<String> expressions = new ArrayList<>(values(taskQuery.getExpressions()));
        if (taskQuery.getQueries() != null) {
            for (TaskQueryImpl orQuery : taskQuery.getQueries()) {
                if (orQuery != taskQuery) {
                    expressions.addAll(values(orQuery.getExpressions()));
                }
            }
        }
        return expressions;
    }

    private static List<String> values(Map<String, String> expressions) {
        return expressions == null ? List.of() : List.copyOf(expressions.values());
    }

    private static Object field(Object target, Class<?> declaringClass, String name) {
        try {
            Field field = declaringClass.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // An engine upgrade renamed the field: refuse rather than let an unchecked query through.
            throw new BadUserRequestException(REFUSAL);
        }
    }
}
