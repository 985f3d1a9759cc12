package org.carecommissioning.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Throttles password guessing per client address, in place of Camunda's per-account lock (which lets anyone lock
 * any account, the administrator's included, by guessing wrongly). After {@code maxFailures} failed password
 * checks from one address, with no more than {@code window} of quiet between them, the address must wait
 * {@code firstBlock}, doubling with every further failure up to {@code maxBlock}; its requests that present a
 * password are refused unchecked while it waits. The address is forgotten after {@code window} of quiet once
 * any wait is over, or when the users it failed on log in successfully (a typo followed by the right password).
 * A success for a different account does not clear it, so an insider cannot interleave their own log-in to keep
 * guessing someone else's password.
 * <p>
 * IPv6 clients are counted per /64 network, since one host commonly holds a whole /64. The state is in memory,
 * per application instance, capped at {@code maxAddresses} (least recently seen dropped first).
 * It runs on the real clock, not the engine's, so moving the engine's clock neither blocks nor releases anyone.
 */
final class LoginThrottle {

    /** How many account names one address's record keeps (enough to tell a typo from guessing). */
    private static final int USERS_KEPT = 8;

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, FailedLogins> entries;
    /** The client address of the HTTP request being served on this thread, set by {@link LoginThrottleFilter}. */
    private final ThreadLocal<String> client = new ThreadLocal<>();

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FailedLogins> eldest) {
                return size() > settings.maxAddresses();
            }
        };
    }

    /** How long the address must still wait before a password it sends is checked; zero if it need not. */
    synchronized Duration waitFor(String address) {
        Instant now = clock.instant();
        FailedLogins entry = entries.get(address);
        if (entry == null) {
            return Duration.ZERO;
        }
        if (entry.blockedUntil != null && entry.blockedUntil.isAfter(now)) {
            return Duration.between(now, entry.blockedUntil);
        }
        if (forgotten(entry, now)) {
            entries.remove(address);
        }
        return Duration.ZERO;
    }

    synchronized void failed(String address, String userId) {
        Instant now = clock.instant();
        FailedLogins entry = entries.get(address);
        if (entry == null || forgotten(entry, now)) {
            if (entries.size() >= settings.maxAddresses()) {
                purge(now);
            }
            entry = new FailedLogins();
            entries.put(address, entry);
        }
        entry.failures++;
        entry.lastFailure = now;
        if (userId != null && entry.users.size() < USERS_KEPT) {
            entry.users.add(userId);
        }
        int beyond = entry.failures - settings.maxFailures();
        if (beyond >= 0) {
            Duration block = settings.firstBlock().multipliedBy(1L << Math.min(beyond, 20));
            entry.blockedUntil = now.plus(block.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : block);
        }
    }

    synchronized void succeeded(String address, String userId) {
        FailedLogins entry = entries.get(address);
        if (entry != null && entry.users.size() <= 1 && (entry.users.isEmpty() || entry.users.contains(userId))
                && (entry.blockedUntil == null || !entry.blockedUntil.isAfter(clock.instant()))) {
            entries.remove(address);
        }
    }

    /** An administrator's unlock: every address blocked for failing on this account may try again. */
    synchronized int release(String userId) {
        int released = 0;
        for (Iterator<FailedLogins> it = entries.values().iterator(); it.hasNext();) {
            if (it.next().users.contains(userId)) {
                it.remove();
                released++;
            }
        }
        return released;
    }

    /** Forgets every address (tests share one application, and so one throttle). */
    synchronized void reset() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    /** Runs the work with password checks counted against this client address. */
    <T> T from(String address, Callable<T> work) throws Exception {
        String previous = client.get();
        client.set(address);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                client.remove();
            } else {
                client.set(previous);
            }
        }
    }

    /** The address password checks on this thread count against; null outside an HTTP request. */
    String currentClient() {
        return client.get();
    }

    /** The key an address is counted under: itself for IPv4, its /64 network for IPv6. */
    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal address is parsed, never looked up
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private boolean forgotten(FailedLogins entry, Instant now) {
        Instant quietSince = entry.blockedUntil != null && entry.blockedUntil.isAfter(entry.lastFailure)
                ? entry.blockedUntil : entry.lastFailure;
        return now.isAfter(quietSince.plus(settings.window()));
    }

    private void purge(Instant now) {
        entries.values().removeIf(entry -> forgotten(entry, now)
                && (entry.blockedUntil == null || !entry.blockedUntil.isAfter(now)));
    }
}
