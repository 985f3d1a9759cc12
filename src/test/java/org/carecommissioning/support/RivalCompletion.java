package org.carecommissioning.support;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two people completing one task at the same moment, made deterministic instead of left to timing. A test arms a
 * rival for a task ({@link #before}); when the next completion of that task has read the task and is about to
 * complete it (its complete event, nothing written yet), the rival runs in another thread to its end and commits;
 * then the first completion goes on, on a task the rival has already completed, as the loser of a real race does.
 * The hook is Camunda's task events, which the Spring Boot starter publishes to Spring; it runs before every other
 * listener of the event and, unarmed, does nothing.
 */
@Component
public class RivalCompletion {

    private static final Map<String, Runnable> ARMED = new ConcurrentHashMap<>();

    /** The next completion of the task lets {@code rival} (in another thread) finish first. */
    public static void before(String taskId, Runnable rival) {
        ARMED.put(taskId, rival);
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void completing(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Runnable rival = ARMED.remove(task.getId());
            if (rival != null) {
                CompletableFuture.runAsync(rival).join();
            }
        }
    }
}
