package org.carecommissioning.support;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs after every start-up writer of the application (they are all {@link ApplicationRunner}s with a lower order)
 * and remembers what the readiness group said at that moment, while Tomcat was already answering.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class StartupReadiness implements ApplicationRunner {

    private static volatile Status seen;

    private final HealthEndpoint health;

    StartupReadiness(HealthEndpoint health) {
        this.health = health;
    }

    /** The readiness status while the last start-up writer had just finished. */
    public static Status seenDuringStartUp() {
        return seen;
    }

    @Override
    public void run(ApplicationArguments args) {
        seen = health.healthForPath("readiness").getStatus();
    }
}
