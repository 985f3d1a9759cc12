package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.carecommissioning.shared.CareProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** No default passwords outside the demo profile: without ADMIN_PASSWORD the application refuses to start. */
class AdministratorPasswordCheckTest {

    @Configuration
    @EnableConfigurationProperties(CareProperties.class)
    @Import(AdministratorPasswordCheck.class)
    static class Check {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Check.class);

    @Test
    @DisplayName("the application refuses to start without an administrator password, naming the variable to set")
    void refusesWithoutPassword() {
        runner.withPropertyValues("care.admin.user-id=admin", "care.admin.password=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ADMIN_PASSWORD");
        });
    }

    @Test
    @DisplayName("with an administrator password from the environment the application starts")
    void startsWithPassword() {
        runner.withPropertyValues("care.admin.user-id=admin", "care.admin.password=s3cret-enough")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
