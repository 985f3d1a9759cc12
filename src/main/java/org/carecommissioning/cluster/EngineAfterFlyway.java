package org.carecommissioning.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/** The process engine starts only after Flyway has migrated the database, engine tables included. */
@Component
class EngineAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

    EngineAfterFlyway() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
    }
}
