package org.carecommissioning.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text mail templates: the first line is {@code Subject: ...}, the rest is the body. Placeholders
 * {@code ${name}} are replaced from the model; a missing value is an error, never an empty gap in a letter.
 */
final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private MailTemplates() {
    }

    static Rendered render(String template, Map<String, ?> model) {
        String source = load(template);
        int newline = source.indexOf('\n');
        if (!source.startsWith("Subject:") || newline < 0) {
            throw new IllegalStateException("Mail template " + template + " must start with a 'Subject:' line");
        }
        String subject = fill(source.substring("Subject:".length(), newline).trim(), model, template);
        String body = fill(source.substring(newline + 1).stripLeading(), model, template);
        return new Rendered(subject, body);
    }

    private static String fill(String text, Map<String, ?> model, String template) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = model.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Mail template " + template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String load(String template) {
        String path = "templates/mail/" + template + ".txt";
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No mail template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Rendered(String subject, String body) {
    }
}
