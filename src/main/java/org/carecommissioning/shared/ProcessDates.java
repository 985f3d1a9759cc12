package org.carecommissioning.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Converts domain dates to the java.util.Date values Camunda timers and task due dates take. */
public final class ProcessDates {

    private ProcessDates() {
    }

    /** The first instant after the given day has ended: a deadline "by the end of" that day. */
    public static Date endOfDay(LocalDate day, ZoneId zone) {
        return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public static Date startOfDay(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    public static Date at(LocalDateTime time, ZoneId zone) {
        return Date.from(time.atZone(zone).toInstant());
    }
}
