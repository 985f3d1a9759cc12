package org.carecommissioning.demo;

/** The demo's mail catcher cannot listen: another program (often Mailpit or MailHog) has its port. */
class MailCatcherPortInUse extends RuntimeException {

    private final int port;

    MailCatcherPortInUse(int port, Throwable cause) {
        super("Port " + port + " is in use (another mail catcher such as Mailpit or MailHog?), so the demo's"
                + " in-process mail catcher cannot start. " + advice(port), cause);
        this.port = port;
    }

    int port() {
        return port;
    }

    static String advice(int port) {
        return "Start the demo with MAIL_PORT=" + (port + 1) + " (any free port) to use the in-process catcher there,"
                + " or with DEMO_MAIL_CATCHER=false to send the demo's e-mails to the server already listening on "
                + port + ".";
    }
}
