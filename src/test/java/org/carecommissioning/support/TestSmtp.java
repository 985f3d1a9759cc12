package org.carecommissioning.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail, port 3025) for the whole test run, emptied before each test. Tests of an SMTP
 * outage stop it and start it again.
 */
public class TestSmtp implements BeforeAllCallback, BeforeEachCallback {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP);
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
}
