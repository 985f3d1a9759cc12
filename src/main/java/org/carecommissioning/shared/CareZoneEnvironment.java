package org.carecommissioning.shared;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * X1: the JVM runs in the commissioners' zone, {@code care.zone}, whatever the host's clock says. Cron timers (the
 * quarterly runs at 06:00), timer dates without an offset, engine date variables and the dates read from them are all
 * read in the JVM's zone, so setting it from the same property as every due date keeps them on one calendar. Runs as
 * soon as the configuration is read, before the engine or anything else starts.
 */
public class CareZoneEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = environment.getProperty("care.zone");
        if (zone != null && !zone.isBlank()) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone.trim())));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
