package org.carecommissioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareCommissioningApplication {

    public static void main(String[] args) {
        // the JVM's zone is set from care.zone as soon as the configuration is read (shared.CareZoneEnvironment)
        SpringApplication.run(CareCommissioningApplication.class, args);
    }
}
