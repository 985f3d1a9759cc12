package org.carecommissioning.shared;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * X1: the application's JVM runs in the commissioners' zone, {@code care.zone}, whatever the host's clock says. Cron
 * timers (the quarterly runs at 06:00), timer dates without an offset, engine date variables and the dates read from
 * them are all read in the JVM's zone, so setting it from the same property as every due date keeps them on one
 * calendar. Registered by the application's main method and run as soon as the configuration is read, before the
 * engine or anything else starts. (Test contexts keep the build's zone: their expectations are written in it.)
 */
public class CareZone implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String zone = event.getEnvironment().getProperty("care.zone");
        if (zone != null && !zone.isBlank()) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone.trim())));
        }
    }
}
