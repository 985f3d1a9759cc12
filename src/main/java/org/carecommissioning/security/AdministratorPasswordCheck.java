package org.carecommissioning.security;

import org.carecommissioning.shared.CareProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Refuses to start the application without an administrator password (no default passwords outside demo). */
@Component
class AdministratorPasswordCheck implements InitializingBean {

    private final CareProperties properties;

    AdministratorPasswordCheck(CareProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        AdministratorBootstrap.requirePassword(properties.admin());
    }
}
