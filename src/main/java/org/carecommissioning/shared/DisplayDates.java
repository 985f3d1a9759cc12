package org.carecommissioning.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The one way a date is written for people: in e-mails, the invoice PDF and read-only form fields
 * ("Wed 30 Dec 2026", "Wed 12 Aug 2026, 10:30"). Dates the logic reads stay ISO values; only what a person
 * reads goes through here. Local dates and times are already in the commissioners' zone (care.zone); an
 * instant is shown in that zone.
 */
public final class DisplayDates {

    /*
     * English month and day names rather than Locale.UK: the JDK's British data abbreviates September to
     * "Sept", which would be the one four-letter month in an otherwise regular column.
     */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private DisplayDates() {
    }

    /** "Wed 30 Dec 2026"; null for no date, so a mail template refuses it rather than print a gap. */
    public static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    /** "Wed 12 Aug 2026, 10:30" (24-hour clock); null for no time. */
    public static String dateTime(LocalDateTime time) {
        return time == null ? null : DATE_TIME.format(time);
    }

    /** A whole month, as a report names it: "January 2027". */
    public static String month(YearMonth month) {
        return month == null ? null : MONTH.format(month);
    }

    /** An instant as the commissioners' wall-clock time in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    /** A Camunda due date or timer date as a day in {@code zone}. */
    public static String date(Date date, ZoneId zone) {
        return date == null ? null : DATE.format(date.toInstant().atZone(zone));
    }
}
