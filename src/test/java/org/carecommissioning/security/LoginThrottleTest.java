package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hole 3: the per-address throttle's arithmetic, on a clock the test moves. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), 3),
            clock);

    @Test
    @DisplayName("Hole 3: the wait starts at the fifth failure, doubles with each further one up to 15 minutes, and the address is forgotten after 15 quiet minutes")
    void escalatesCapsAndForgets() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.7", "admin");
        }
        assertThat(throttle.waitFor("203.0.113.7")).isZero();
        throttle.failed("203.0.113.7", "admin");
        assertThat(throttle.waitFor("203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
        long[] expected = {2, 4, 8, 15, 15};
        for (long minutes : expected) {
            clock.advance(throttle.waitFor("203.0.113.7"));
            throttle.failed("203.0.113.7", "admin");
            assertThat(throttle.waitFor("203.0.113.7")).isEqualTo(Duration.ofMinutes(minutes));
        }
        // a wait that is over is remembered for 15 more quiet minutes: one more guess waits 15 minutes again
        clock.advance(Duration.ofMinutes(15).plusMinutes(14));
        throttle.failed("203.0.113.7", "admin");
        assertThat(throttle.waitFor("203.0.113.7")).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(throttle.waitFor("203.0.113.7")).isZero();
        throttle.failed("203.0.113.7", "admin");
        assertThat(throttle.waitFor("203.0.113.7")).as("forgotten: a fresh count").isZero();
    }

    @Test
    @DisplayName("Hole 3: memory stays bounded: beyond the cap the least recently seen address is dropped")
    void bounded() {
        for (int i = 0; i < 100; i++) {
            throttle.failed("198.51.100." + i, "admin");
        }
        assertThat(throttle.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("Hole 3: an IPv6 client is counted per /64, an IPv4-mapped one as its IPv4 address")
    void addressKeys() {
        assertThat(LoginThrottle.key("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.key("2001:db8:1:2:bbbb::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.key("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.key("2001:db8:1:2::1"));
        assertThat(LoginThrottle.key("::ffff:127.0.0.3")).isEqualTo("127.0.0.3");
        assertThat(LoginThrottle.key("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
