package org.carecommissioning.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a busy mail-catcher port into Spring Boot's short "APPLICATION FAILED TO START" report (what is wrong, what to
 * do) instead of a stack trace ending in GreenMail's "try to set server startup timeout", which points the wrong way.
 * Registered in META-INF/spring.factories.
 */
class MailCatcherPortInUseAnalyzer extends AbstractFailureAnalyzer<MailCatcherPortInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailCatcherPortInUse cause) {
        return new FailureAnalysis("The demo's mail catcher could not listen on port " + cause.port()
                + ": another program, probably a mail catcher such as Mailpit or MailHog, is using it.",
                MailCatcherPortInUse.advice(cause.port()), cause);
    }
}
