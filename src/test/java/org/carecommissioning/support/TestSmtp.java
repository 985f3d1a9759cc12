package org.carecommissioning.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) for the whole test run, emptied before each test. Tests of an SMTP outage stop it
 * and start it again on the same port. The port is a free one chosen per run, so two builds can test side by side;
 * the application finds it in the system property {@code test.smtp.port} (application-test.yaml).
 */
public class TestSmtp implements BeforeAllCallback, BeforeEachCallback {

    private static final int PORT = freePort();
    private static GreenMail server;

    static {
        System.setProperty("test.smtp.port", String.valueOf(PORT));
    }

    public static int port() {
        return PORT;
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Simulates an outage: connections to the SMTP port are refused until {@link #restore()}. */
    public static synchronized void outage() {
        server().stop();
    }

    public static synchronized void restore() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = null;
        server();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!server().isRunning()) {
            restore();
        }
        server().purgeEmailFromAllMailboxes();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
