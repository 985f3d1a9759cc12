package org.carecommissioning.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks the mail catcher's port before GreenMail tries it, so a busy port is named at once. */
final class MailCatcherPort {

    static final String HOST = "127.0.0.1";

    private MailCatcherPort() {
    }

    /** @throws MailCatcherPortInUse if something already listens on the port (on this address or on all) */
    static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // no SO_REUSEADDR: a port another server holds must fail here exactly as GreenMail's bind would
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new MailCatcherPortInUse(port, e);
        }
    }
}
