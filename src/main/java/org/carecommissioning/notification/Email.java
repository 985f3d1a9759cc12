package org.carecommissioning.notification;

import java.util.List;
import java.util.Map;

/**
 * An e-mail to send from a named template under {@code templates/mail/}. The model fills the template's
 * {@code ${name}} placeholders.
 */
public record Email(String to, String template, Map<String, ?> model, List<Attachment> attachments) {

    public Email {
        model = Map.copyOf(model);
        attachments = List.copyOf(attachments);
    }

    public static Email of(String to, String template, Map<String, ?> model) {
        return new Email(to, template, model, List.of());
    }

    public Email withAttachment(String fileName, String contentType, byte[] content) {
        var all = new java.util.ArrayList<>(attachments);
        all.add(new Attachment(fileName, contentType, content));
        return new Email(to, template, model, all);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
