package org.carecommissioning.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Tasklist 4: a busy mail-catcher port is named at once, with what to do, instead of a GreenMail time-out. */
class MailCatcherPortTest {

    @Test
    @DisplayName("Tasklist 4: a port another mail catcher holds is refused at once, naming the port and MAIL_PORT / DEMO_MAIL_CATCHER")
    void busyPortIsNamed() throws Exception {
        try (ServerSocket mailpit = new ServerSocket()) {
            mailpit.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = mailpit.getLocalPort();

            assertThatThrownBy(() -> MailCatcherPort.requireFree(port))
                    .isInstanceOf(MailCatcherPortInUse.class)
                    .hasMessageContaining("Port " + port + " is in use")
                    .hasMessageContaining("Mailpit or MailHog")
                    .hasMessageContaining("MAIL_PORT=" + (port + 1))
                    .hasMessageContaining("DEMO_MAIL_CATCHER=false");
        }
    }

    @Test
    @DisplayName("Tasklist 4: a port listened on by every address (as Mailpit in Docker does) counts as busy too")
    void wildcardListenerCountsAsBusy() throws Exception {
        try (ServerSocket mailhog = new ServerSocket()) {
            mailhog.bind(new InetSocketAddress(0));
            int port = mailhog.getLocalPort();
            assertThatThrownBy(() -> MailCatcherPort.requireFree(port)).isInstanceOf(MailCatcherPortInUse.class);
        }
    }

    @Test
    @DisplayName("Tasklist 4: a free port passes, and stays free for GreenMail")
    void freePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> MailCatcherPort.requireFree(port)).doesNotThrowAnyException();
        try (ServerSocket greenMail = new ServerSocket()) {
            greenMail.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
    }

    @Test
    @DisplayName("Tasklist 4: Spring Boot reports the busy port as what went wrong and what to do, not as a stack trace")
    void failureAnalysis() {
        FailureAnalyzer analyzer = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                // analyzers that need the application context cannot be made here; only ours matters
                .load(FailureAnalyzer.class, (type, name, failure) -> { })
                .stream().filter(MailCatcherPortInUseAnalyzer.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("analyzer not registered in META-INF/spring.factories"));
        BeanCreationException startUp = new BeanCreationException("demoSmtpServer", "failed",
                new MailCatcherPortInUse(1025, new java.net.BindException("Address already in use")));

        FailureAnalysis analysis = analyzer.analyze(startUp);

        assertThat(analysis.getDescription()).contains("port 1025", "Mailpit or MailHog");
        assertThat(analysis.getAction()).contains("MAIL_PORT=1026", "DEMO_MAIL_CATCHER=false");
    }
}
