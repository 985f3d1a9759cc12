package org.carecommissioning.security;

import org.camunda.bpm.engine.IdentityService;
import org.carecommissioning.cluster.StartupWriter;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, under the cluster's start-up lock: the administrator, the role groups and their permissions. */
@Component
@Order(0)
class SecuritySetup implements StartupWriter {

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
    public void write() {
        system.run(() -> {
            accessPolicy.grantAdministrators();
            AdministratorBootstrap.ensureAdministrator(identityService, properties.admin());
            accessPolicy.apply();
        });
    }
}
