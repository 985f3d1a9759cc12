package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** X1: one zone for everything, care.zone: the JVM's default and so every date read from an engine Date. */
class CareZoneTest {

    private final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    @DisplayName("X1 the JVM runs in care.zone, and an engine Date is read as that zone's day")
    void jvmRunsInCareZone() {
        Date lateEveningInLondonSummer = Date.from(Instant.parse("2026-07-01T23:30:00Z"));

        zone("Europe/London");
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/London");
        assertThat(FormValues.date(lateEveningInLondonSummer, "R1", "The date")).isEqualTo(LocalDate.of(2026, 7, 2));

        zone("America/New_York");
        assertThat(FormValues.date(lateEveningInLondonSummer, "R1", "The date")).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    private static void zone(String zone) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("care.zone", zone)));
        new CareZone().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(null, new SpringApplication(),
                new String[0], environment));
    }
}
