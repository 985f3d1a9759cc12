package org.carecommissioning.shared;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the one adapter over the engine's current authentication (an engine-internal type), for
 * controllers and services alike. Every question fails closed: without an authentication the caller has no user and
 * no group, and a {@code require...} refuses with {@link AccessDenied} (403).
 * <p>
 * Nothing else reads or sets {@code org.camunda.bpm.engine.impl.identity.Authentication} (CapabilityBoundariesTest).
 */
@Component
public class Caller {

    private final IdentityService identityService;

    Caller(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The authenticated user's id, or null when nobody is authenticated (timers, jobs, start-up). */
    public String userId() {
        return userIdOf(identityService);
    }

    /** The authenticated user's groups; none when nobody is authenticated. */
    public List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    public boolean isAuthenticated() {
        return identityService.getCurrentAuthentication() != null;
    }

    /** Whether the caller belongs to the group (a role of {@link Roles}, or an organisation's own group). */
    public boolean isIn(String group) {
        return group != null && groups().contains(group);
    }

    public boolean isAnyOf(String... groups) {
        List<String> own = groups();
        return Arrays.stream(groups).anyMatch(group -> group != null && own.contains(group));
    }

    /** Refuses with the sentence when nobody is authenticated. */
    public void requireAuthenticated(String refusal) {
        if (!isAuthenticated()) {
            throw new AccessDenied(refusal);
        }
    }

    /** The authenticated user's id; refused with the sentence when nobody is authenticated. */
    public String requireUserId(String refusal) {
        String userId = userId();
        if (userId == null) {
            throw new AccessDenied(refusal);
        }
        return userId;
    }

    /** Refuses with the sentence unless the caller is in at least one of the groups. */
    public void requireAnyOf(String refusal, String... groups) {
        if (!isAnyOf(groups)) {
            throw new AccessDenied(refusal);
        }
    }

    /**
     * Runs the work with no authentication, so the engine does not check the caller's permissions, and restores the
     * caller's authentication afterwards (see {@link org.carecommissioning.shared.SystemAuthority}).
     */
    public <T> T withoutAuthentication(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** For classes the engine creates (delegates): the user the identity service currently authenticates, or null. */
    public static String userIdOf(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /**
     * For classes the engine creates (task listeners): the groups of the user the identity service currently
     * authenticates; none when nobody is authenticated, so a role check fails closed.
     */
    public static List<String> groupsOf(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of()
                : List.copyOf(authentication.getGroupIds());
    }
}
