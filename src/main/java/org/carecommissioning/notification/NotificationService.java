package org.carecommissioning.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.carecommissioning.shared.CareProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends letters and reminders by e-mail (X2). It never swallows a failure: callers are asynchronous BPMN
 * steps whose job is retried and, when retries run out, becomes an incident in Cockpit.
 * <p>
 * Sent once (issue 13): every notification sent from a job has a stable key, the job's step ({@link MailStep}:
 * process instance, activity, job) with the recipient and the template; a caller outside a job may name one
 * ({@link Email#withKey}). The key's SHA-256 is the mail's {@code Message-ID} and is recorded in the outbox
 * ({@link NotificationOutbox}) in a transaction of its own as soon as the SMTP server has accepted the mail. A step
 * whose job is retried after that (a failure later in its transaction, or its node killed before the commit and the
 * job taken over by another node) finds the key recorded and does not send again. Only a crash in the instant between
 * the server's acceptance and that record sends the mail a second time on retry, with the same Message-ID: the
 * recipient's mail system may show both, and mail clients that thread or de-duplicate by Message-ID show one.
 * A mail with no key (sent outside a job, none given) is sent every time it is asked for, as before.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final JavaMailSender mailSender;
    private final NotificationOutbox outbox;
    private final CareProperties properties;

    NotificationService(JavaMailSender mailSender, NotificationOutbox outbox, CareProperties properties) {
        this.mailSender = mailSender;
        this.outbox = outbox;
        this.properties = properties;
    }

    public void send(Email email) {
        if (email.to() == null || email.to().isBlank()) {
            throw new IllegalArgumentException("No recipient for mail template " + email.template());
        }
        String key = key(email);
        if (key != null && outbox.accepted(key)) {
            log.info("Not sending '{}' to {} again: already accepted by the mail server ({})", email.template(),
                    email.to(), key);
            return;
        }
        MailTemplates.Rendered rendered = MailTemplates.render(email.template(), email.model());
        MimeMessage message = mailSender.createMimeMessage();
        String messageId = key == null ? null : messageId(key);
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !email.attachments().isEmpty(), "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(email.to());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.body());
            for (Email.Attachment attachment : email.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            if (messageId != null) {
                // kept by JavaMailSenderImpl, which otherwise lets JavaMail invent a new one for every attempt
                message.setHeader("Message-ID", messageId);
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not prepare mail " + email.template(), e);
        }
        mailSender.send(message);
        if (key != null) {
            outbox.recordAccepted(key, email.template(), messageId);
        }
        log.info("Sent '{}' to {}", rendered.subject(), email.to());
    }

    /**
     * Forgets the e-mails the SMTP server accepted before {@code before} (processes/notification-outbox-cleanup.bpmn):
     * no retry of their steps can come any more. Returns how many were forgotten.
     */
    public int forgetAcceptedBefore(LocalDateTime before) {
        return outbox.forgetAcceptedBefore(before);
    }

    /** The SHA-256 (hex) of the notification's stable name, or null when it has none. */
    private static String key(Email email) {
        String step = email.key() != null ? email.key() : MailStep.current().orElse(null);
        return step == null ? null : sha256(step + "/" + email.to() + "/" + email.template());
    }

    private String messageId(String key) {
        String from = properties.mail().from();
        return "<" + key + "@" + from.substring(from.lastIndexOf('@') + 1) + ">";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
