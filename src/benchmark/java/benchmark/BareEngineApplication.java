package benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The yardstick of issue 12: a bare Camunda 7.24 Spring Boot application (webapps and REST, authorizations on, history
 * full) with one process, start, one user task, end. Started by {@link Benchmark} as its own JVM with
 * {@code --spring.config.name=bare-engine}, so the application's own configuration is never read. Outside the
 * application's package, so no test of the application scans it.
 */
@SpringBootApplication
public class BareEngineApplication {

    private final RepositoryService repositoryService;

    BareEngineApplication(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }

    /** The documented way to protect Camunda's REST API with HTTP Basic against the engine's users. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deploy() {
        repositoryService.createDeployment().name("bare-engine").enableDuplicateFiltering(true)
                .addClasspathResource("bare-engine/one-task.bpmn").deploy();
    }
}
