package org.carecommissioning.notification;

import java.util.List;
import java.util.Map;

/**
 * An e-mail to send from a named template under {@code templates/mail/}. The model fills the template's
 * {@code ${name}} placeholders. The key, when the caller gives one ({@link #withKey}), names the notification so that
 * sending it again is skipped; without one, a mail sent from a job takes the job's step as its key
 * ({@link NotificationService}).
 */
public record Email(String to, String template, Map<String, ?> model, List<Attachment> attachments, String key) {

    public Email {
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
    }

    public static Email of(String to, String template, Map<String, ?> model) {
        return new Email(to, template, model, List.of(), null);
    }

    public Email withAttachment(String fileName, String contentType, byte[] content) {
        var all = new java.util.ArrayList<>(attachments);
        all.add(new Attachment(fileName, contentType, content));
        return new Email(to, template, model, all, key);
    }

    /** This notification's stable name (with the recipient and the template): sent once however often it is asked. */
    public Email withKey(String stableKey) {
        return new Email(to, template, model, attachments, stableKey);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
