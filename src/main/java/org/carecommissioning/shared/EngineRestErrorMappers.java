package org.carecommissioning.shared;

import java.util.List;

import jakarta.servlet.ServletContext;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineRestErrors} in front of both engine REST surfaces: {@code /engine-rest} (the Jersey
 * application of the REST starter) and {@code /camunda/api/engine}, the webapps' own Jersey application that
 * Tasklist submits forms to. The webapps' applications are created by Camunda's initializer, out of reach of
 * Spring; Jersey reads servlet context attributes as properties of every application it starts from a servlet,
 * so naming the mappers in the attribute {@code jersey.config.server.provider.classnames} adds them to each of
 * them (the Cockpit, Admin and Tasklist APIs get the same answers).
 */
@Configuration
class EngineRestErrorMappers {

    /** Higher than Camunda's mappers (Jersey's default, 5000: the lower the number, the higher the priority). */
    static final int PRIORITY = 1000;

    static final List<Class<?>> MAPPERS = List.of(EngineRestExceptionMapper.class,
            EngineProcessEngineExceptionMapper.class, EngineUnexpectedErrorMapper.class);

    private static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

    @Bean
    ResourceConfigCustomizer engineRestExceptionMappers() {
        return config -> MAPPERS.forEach(config::register);
    }

    @Bean
    ServletContextInitializer webappEngineRestErrorMappers() {
        return EngineRestErrorMappers::addToServletApplications;
    }

    static void addToServletApplications(ServletContext servletContext) {
        String names = String.join(",", MAPPERS.stream().map(Class::getName).toList());
        Object existing = servletContext.getAttribute(PROVIDER_CLASSNAMES);
        if (existing == null) {
            servletContext.setAttribute(PROVIDER_CLASSNAMES, names);
        } else if (!existing.toString().contains(names)) {
            throw new IllegalStateException(PROVIDER_CLASSNAMES + " is already set to " + existing
                    + "; add " + names + " to it so the engine REST APIs answer refusals with 400.");
        }
    }
}
