package org.carecommissioning.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** What {@link LoginThrottle} remembers of one client address. Guarded by the throttle's lock. */
final class FailedLogins {

    int failures;
    Instant lastFailure;
    Instant blockedUntil;
    /** The accounts it failed on, so a typo can be told from guessing, and an unlock can release it. */
    final Set<String> users = new HashSet<>();
}
