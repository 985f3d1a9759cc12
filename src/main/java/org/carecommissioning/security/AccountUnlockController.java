package org.carecommissioning.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.shared.NotFound;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hole 3: an administrator lets a user log in again at once: the engine's failed-attempt count is cleared, and
 * every client address waiting after failing on this account is released (the user's office, say, behind one
 * address). Camunda Admin's "Unlock" button and {@code POST /engine-rest/user/{id}/unlock} clear only the
 * engine's count.
 */
@RestController
class AccountUnlockController {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final Caller caller;

    AccountUnlockController(IdentityService identityService, LoginThrottle throttle, Caller caller) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.caller = caller;
    }

    @PostMapping("/api/users/{userId}/unlock")
    Map<String, Object> unlock(@PathVariable String userId) {
        caller.requireAnyOf("Only an administrator can unlock an account.", Roles.ADMIN);
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFound("There is no user \"" + userId + "\".");
        }
        identityService.unlockUser(userId);
        int released = throttle.release(userId);
        return Map.of("userId", userId, "releasedAddresses", released,
                "message", "\"" + userId + "\" can log in again" + (released == 0 ? "."
                        : "; " + released + (released == 1 ? " address" : " addresses")
                        + " that had failed on this account may try again."));
    }
}
