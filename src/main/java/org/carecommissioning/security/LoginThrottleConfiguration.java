package org.carecommissioning.security;

import java.time.Clock;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Hole 3: per-address throttling of failed log-ins in place of Camunda's per-account lock (switched off in
 * application.yaml, generic-properties loginMaxAttempts and loginDelayMaxTime).
 */
@Configuration
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties settings) {
        // the real clock: tests move the engine's clock, and that must neither block nor release an address
        return new LoginThrottle(settings, Clock.systemUTC());
    }

    @Bean
    ProcessEnginePlugin throttledIdentityProvider(LoginThrottle throttle) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProviderFactory(throttle));
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
        // before the engine REST API's and the application API's authentication
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
