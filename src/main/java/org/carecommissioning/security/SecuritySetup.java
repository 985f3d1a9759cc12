package org.carecommissioning.security;

import org.camunda.bpm.engine.IdentityService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up: the administrator, the role groups and their permissions. */
@Component
@Order(0)
class SecuritySetup implements ApplicationRunner {

    private final IdentityService identityService;
    private final AccessPolicy accessPolicy;
    private final SystemAuthority system;
    private final CareProperties properties;

    SecuritySetup(IdentityService identityService, AccessPolicy accessPolicy, SystemAuthority system,
            CareProperties properties) {
        this.identityService = identityService;
        this.accessPolicy = accessPolicy;
        this.system = system;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        system.run(() -> {
            accessPolicy.grantAdministrators();
            AdministratorBootstrap.ensureAdministrator(identityService, properties.admin());
            accessPolicy.apply();
        });
    }
}
