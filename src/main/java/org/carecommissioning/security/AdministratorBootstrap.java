package org.carecommissioning.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carecommissioning.shared.CareProperties;

/**
 * Creates the administrator from configuration. Outside the demo profile there is no default password: without
 * ADMIN_PASSWORD the application refuses to start.
 */
final class AdministratorBootstrap {

    private AdministratorBootstrap() {
    }

    /** Fails fast, before anything else starts, when no administrator password is configured. */
    static void requirePassword(CareProperties.Admin admin) {
        if (admin == null || admin.password() == null || admin.password().isBlank()) {
            throw new IllegalStateException("No administrator password is configured. Set the environment variable"
                    + " ADMIN_PASSWORD (and optionally ADMIN_USER), or run with the demo profile.");
        }
        if (admin.password().length() < 4) {
            throw new IllegalStateException("ADMIN_PASSWORD is too short.");
        }
    }

    static void ensureAdministrator(IdentityService identityService, CareProperties.Admin admin) {
        requirePassword(admin);
        String userId = admin.userId() == null || admin.userId().isBlank() ? "admin" : admin.userId();
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("Administrator");
            user.setLastName(userId);
            user.setPassword(admin.password());
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Roles.ADMIN).count() == 0) {
            identityService.createMembership(userId, Roles.ADMIN);
        }
    }
}
