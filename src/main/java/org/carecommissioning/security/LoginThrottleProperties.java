package org.carecommissioning.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code care.login-throttle.*}: how many failed log-ins one client address may make before it must wait, and for
 * how long. See application.yaml for the reasoning behind the defaults.
 */
@ConfigurationProperties(prefix = "care.login-throttle")
record LoginThrottleProperties(
        int maxFailures,
        Duration window,
        Duration firstBlock,
        Duration maxBlock,
        int maxAddresses) {

    LoginThrottleProperties {
        // a missing setting must never switch the throttle off
        maxFailures = maxFailures > 0 ? maxFailures : 5;
        window = positive(window, Duration.ofMinutes(15));
        firstBlock = positive(firstBlock, Duration.ofMinutes(1));
        maxBlock = positive(maxBlock, Duration.ofMinutes(15));
        maxAddresses = maxAddresses > 0 ? maxAddresses : 10_000;
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
