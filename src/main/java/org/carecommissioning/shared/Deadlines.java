package org.carecommissioning.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * X1: deadlines counted in days from today, for the models' expressions (for example C8's survey,
 * {@code camunda:dueDate="${deadlines.endOfDayIn(28)}"} and its timer {@code ${deadlines.dayOverIn(28)}}). "In 28
 * days" counts from the day, not the minute, the task opened, with the times of {@link ProcessDates}: due at the end
 * of the 28th day in care.zone, over at 00:00 the day after.
 * <p>
 * Public only because the engine's expression language invokes methods solely on public classes.
 */
@Component("deadlines")
public class Deadlines {

    private final ZoneId zone;

    @Autowired
    Deadlines(CareProperties properties) {
        this(properties.zone());
    }

    public Deadlines(ZoneId zone) {
        this.zone = zone;
    }

    /** The due date of a task due {@code days} days from today (23:59:59 on that day). */
    public Date endOfDayIn(int days) {
        return ProcessDates.endOfDay(today().plusDays(days), zone);
    }

    /** When a timer fires because the day {@code days} days from today is over (00:00 the day after). */
    public Date dayOverIn(int days) {
        return ProcessDates.dayOver(today().plusDays(days), zone);
    }

    private LocalDate today() {
        // the engine's clock, as every timer and due date uses (and tests move)
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    }
}
