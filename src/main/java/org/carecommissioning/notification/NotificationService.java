package org.carecommissioning.notification;

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
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final JavaMailSender mailSender;
    private final CareProperties properties;

    NotificationService(JavaMailSender mailSender, CareProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public void send(Email email) {
        if (email.to() == null || email.to().isBlank()) {
            throw new IllegalArgumentException("No recipient for mail template " + email.template());
        }
        MailTemplates.Rendered rendered = MailTemplates.render(email.template(), email.model());
        MimeMessage message = mailSender.createMimeMessage();
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
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not prepare mail " + email.template(), e);
        }
        mailSender.send(message);
        log.info("Sent '{}' to {}", rendered.subject(), email.to());
    }
}
