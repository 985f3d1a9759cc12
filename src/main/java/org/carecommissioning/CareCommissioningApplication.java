package org.carecommissioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareCommissioningApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareCommissioningApplication.class, args);
    }
}
