-- Issue 13: the notifications the SMTP server has accepted, by key, so a mail step's job retried after a failure or
-- a crash later in its transaction does not send the same e-mail again (notification.NotificationService). The key
-- is the SHA-256 (hex) of the step (process instance, activity, job), the recipient and the template; the recipient
-- itself is not kept. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE notification_outbox (
    notification_key VARCHAR(64)  PRIMARY KEY,
    template         VARCHAR(100) NOT NULL,
    message_id       VARCHAR(300) NOT NULL,
    accepted_at      TIMESTAMP    NOT NULL
);
