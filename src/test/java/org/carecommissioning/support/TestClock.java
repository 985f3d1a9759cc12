package org.carecommissioning.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine clock of the process tests ({@link ClockUtil}), in the zone the application runs its dates in
 * ({@code care.zone: Europe/London}). Tests move it to a due date before executing a timer job.
 */
public final class TestClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestClock() {
    }

    /** A London wall-clock time ("2026-04-01T09:00") as the Date Camunda stores. */
    public static Date london(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant());
    }

    public static void setTo(String londonLocalDateTime) {
        ClockUtil.setCurrentTime(london(londonLocalDateTime));
    }

    public static void setTo(Date instant) {
        ClockUtil.setCurrentTime(instant);
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON);
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    public static void reset() {
        ClockUtil.reset();
    }
}
