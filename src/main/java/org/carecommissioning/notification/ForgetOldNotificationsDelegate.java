package org.carecommissioning.notification;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every night (processes/notification-outbox-cleanup.bpmn) the outbox forgets the e-mails accepted more than
 * {@link #KEPT_DAYS} days ago. A mail step's retries end within half an hour (R5/PT5M) and a crashed node's job is
 * taken over within the 3-minute lock, so a key that old can no longer stop a second send; the month is a wide margin.
 */
@Component
class ForgetOldNotificationsDelegate implements JavaDelegate {

    static final int KEPT_DAYS = 30;

    private final NotificationService notifications;
    private final Clock clock;

    ForgetOldNotificationsDelegate(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("forgotten", notifications.forgetAcceptedBefore(LocalDateTime.now(clock)
                .minusDays(KEPT_DAYS)));
    }
}
