package org.carecommissioning.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's mail catcher: a real SMTP server in the same process, so a newcomer sees every letter the system
 * sends at {@code /api/demo/mailbox} without installing anything.
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(name = "care.demo.mail-catcher", havingValue = "true")
@ConditionalOnClass(name = DemoMailCatcher.GREENMAIL)
class DemoMailCatcher {

    /** Present when run from source (./mvnw spring-boot:run); the packaged jar leaves GreenMail out. */
    static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailCatcher.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(org.springframework.core.env.Environment environment) {
        int port = environment.getProperty("spring.mail.port", Integer.class, 1025);
        // GreenMail reports a busy port only as a start-up timeout; say which port is busy and what to do instead
        MailCatcherPort.requireFree(port);
        LOG.info("Demo mail catcher: SMTP on {}:{}; read what the demo sends at GET /api/demo/mailbox (as demo/demo)",
                MailCatcherPort.HOST, port);
        return new GreenMail(new ServerSetup(port, MailCatcherPort.HOST, ServerSetup.PROTOCOL_SMTP));
    }

    @RestController
    @Profile("demo")
    @ConditionalOnProperty(name = "care.demo.mail-catcher", havingValue = "true")
    @ConditionalOnClass(name = GREENMAIL)
    static class Mailbox {

        private final GreenMail smtp;
        private final Caller caller;

        Mailbox(GreenMail smtp, Caller caller) {
            this.smtp = smtp;
            this.caller = caller;
        }

        @GetMapping("/api/demo/mailbox")
        List<Map<String, String>> mailbox() throws MessagingException, java.io.IOException {
            caller.requireAnyOf("Only an administrator can read the demo mailbox.", Roles.ADMIN);
            List<Map<String, String>> messages = new java.util.ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                List<String> attachments = new java.util.ArrayList<>();
                messages.add(Map.of(
                        "to", Arrays.toString(message.getAllRecipients()),
                        "subject", message.getSubject(),
                        "body", text(message.getContent(), attachments),
                        "attachments", String.join(", ", attachments)));
            }
            return messages;
        }

        /** The decoded text of a message, collecting the names of its attachments. */
        private static String text(Object content, List<String> attachments) {
            try {
                if (content instanceof String text) {
                    return text;
                }
                if (content instanceof jakarta.mail.Multipart multipart) {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < multipart.getCount(); i++) {
                        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                        if (part.getFileName() != null) {
                            attachments.add(part.getFileName());
                        } else {
                            text.append(text(part.getContent(), attachments));
                        }
                    }
                    return text.toString();
                }
                return "";
            } catch (MessagingException | java.io.IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
