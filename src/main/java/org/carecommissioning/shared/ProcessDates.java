package org.carecommissioning.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Converts domain dates to the java.util.Date values Camunda timers and task due dates take, and is the one place
 * that says what a deadline "by day D" means (X1):
 * <ul>
 * <li>a task's <b>due date</b> is {@link #endOfDay} D, 23:59:59 on D in the commissioners' zone ({@code care.zone}),
 * so Tasklist shows the rule's own date, and its overdue filter ({@code dueBefore ${now()}}) lists the task from
 * the first second of D+1;</li>
 * <li>work done at any time on D is on time; from 00:00 on D+1 it is late ({@link #isLate});</li>
 * <li>a timer that acts because D is over (late fee, reminder, a term or survey ending) fires at
 * {@link #dayOver} D, 00:00 on D+1.</li>
 * </ul>
 */
public final class ProcessDates {

    /**
     * The time of day every due date carries. 23:59:59 rather than 23:59:59.999: a database that keeps whole
     * seconds would round the millisecond form onto D+1 and bring the old "a day out" back.
     */
    public static final LocalTime DUE_TIME = LocalTime.of(23, 59, 59);

    private ProcessDates() {
    }

    /** X1: the due date of a deadline "by day D": 23:59:59 on D in the zone, the date Tasklist shows. */
    public static Date endOfDay(LocalDate day, ZoneId zone) {
        return Date.from(day.atTime(DUE_TIME).atZone(zone).toInstant());
    }

    /**
     * X1: the due date of a deadline on day D that must not be in the past when the task opens: a task is never born
     * overdue, it is due by the end of today at the earliest.
     */
    public static Date endOfDayNotBefore(LocalDate day, LocalDate today, ZoneId zone) {
        return endOfDay(day.isBefore(today) ? today : day, zone);
    }

    /** X1: the first instant after day D: when a timer fires because the deadline day is over (00:00 on D+1). */
    public static Date dayOver(LocalDate day, ZoneId zone) {
        return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** X1: whether something done on {@code on} (a date in care.zone) missed a deadline of day D: only after D. */
    public static boolean isLate(LocalDate deadline, LocalDate on) {
        return on.isAfter(deadline);
    }

    /** X1: whether something done at {@code at} missed a deadline of day D, judged by its date in the zone. */
    public static boolean isLate(LocalDate deadline, Instant at, ZoneId zone) {
        return isLate(deadline, LocalDate.ofInstant(at, zone));
    }

    public static Date startOfDay(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    public static Date at(LocalDateTime time, ZoneId zone) {
        return Date.from(time.atZone(zone).toInstant());
    }
}
