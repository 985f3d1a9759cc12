package org.carecommissioning;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareCommissioningApplication {

    public static void main(String[] args) {
        // Cron timers (the quarterly runs at 06:00) and timer dates without an offset are read in the JVM's zone:
        // run it in the commissioners' zone whatever the host's clock says (care.zone reads the same variable).
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(System.getenv().getOrDefault("CARE_ZONE", "Europe/London"))));
        SpringApplication.run(CareCommissioningApplication.class, args);
    }
}
