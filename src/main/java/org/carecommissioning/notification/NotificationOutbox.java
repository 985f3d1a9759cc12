package org.carecommissioning.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications the SMTP server has accepted, by key (notification_outbox, V19). A row is written in a transaction
 * of its own the moment the server accepts the mail, so it survives the sending job's rollback or its node's crash.
 */
@Repository
class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NotificationOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean accepted(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE notification_key = ?", Integer.class,
                key) > 0;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAccepted(String key, String template, String messageId) {
        jdbc.update("INSERT INTO notification_outbox (notification_key, template, message_id, accepted_at)"
                + " VALUES (?, ?, ?, ?)", key, template, messageId, Timestamp.valueOf(LocalDateTime.now(clock)));
    }

    @Transactional
    public int forgetAcceptedBefore(LocalDateTime before) {
        return jdbc.update("DELETE FROM notification_outbox WHERE accepted_at < ?", Timestamp.valueOf(before));
    }
}
