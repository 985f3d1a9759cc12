package org.carecommissioning.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The engine REST API requires HTTP Basic authentication (only {@code GET /engine-rest/engine} stays open,
 * as Camunda's filter allows); the application's API too. Request bodies are limited in size before anything
 * reads them, every API answer carries the security headers, and a database outage is a 503 even where
 * authentication meets it. The expression-injection hole of 7.24 CE is closed inside the engine
 * ({@link QueryExpressionGuard}); the admin setup endpoint here.
 */
@Configuration
class WebSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> engineRestRequestSizeLimit(HttpProperties http) {
        return sizeLimit("engine-rest-request-size-limit", http.engineRestMaxRequestSize(), "/engine-rest/*");
    }

    @Bean
    FilterRegistrationBean<Filter> webappApiRequestSizeLimit(HttpProperties http) {
        return sizeLimit("webapp-api-request-size-limit", http.webappApiMaxRequestSize(), "/camunda/api/*");
    }

    @Bean
    FilterRegistrationBean<Filter> apiRequestSizeLimit(HttpProperties http) {
        return sizeLimit("api-request-size-limit", http.apiMaxRequestSize(), "/api/*");
    }

    /** Runs first, before authentication, and never buffers the body. */
    private static FilterRegistrationBean<Filter> sizeLimit(String name, DataSize limit, String path) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limit.toBytes()));
        registration.setName(name);
        registration.addUrlPatterns(path);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> apiSecurityHeaders(HttpProperties http) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeaders(http.hsts()));
        registration.setName("api-security-headers");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** In front of authentication, which is the first to need the database. */
    @Bean
    FilterRegistrationBean<Filter> databaseOutageAnswer() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new DatabaseOutageAnswer());
        registration.setName("database-outage-answer");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> adminSetupGuard() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new AdminSetupGuard());
        registration.setName("admin-setup-guard");
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
