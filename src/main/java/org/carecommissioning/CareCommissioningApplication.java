package org.carecommissioning;

import org.carecommissioning.shared.CareZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareCommissioningApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CareCommissioningApplication.class);
        // the JVM's zone is set from care.zone as soon as the configuration is read
        application.addListeners(new CareZone());
        application.run(args);
    }
}
