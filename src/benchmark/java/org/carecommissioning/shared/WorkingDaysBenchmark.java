package org.carecommissioning.shared;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * X1: adding {@code workingDays} working days from Thursday 24 December 2026, across Christmas Day, the weekend, the
 * substitute Boxing Day (Monday 28) and, from 5 days on, New Year's Day, with the bank holidays of the application's
 * Flyway seed data.
 * {@link #arithmetic} is the pure counting of {@link WorkingDays} over the whole table; {@link #calendar} is what a
 * deadline costs in the application: {@link WorkingDayCalendar} reads the holidays of the span from table
 * {@code bank_holiday} in a read-only transaction, then counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkingDaysBenchmark {

    private static final LocalDate START = LocalDate.of(2026, 12, 24);

    /** 1: a safeguarding concern (U4); 5: minutes, short notice (C5, U3); 10: a complaint, a resubmission (U4, PI4). */
    @Param({"1", "5", "10"})
    public int workingDays;

    private WorkingDayCalendar calendar;
    private WorkingDays table;

    @Setup
    public void seed(BenchmarkCalendar context) {
        calendar = context.calendar();
        table = new WorkingDays(context.holidays());
        if (!context.holidays().containsAll(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 1, 1)))) {
            throw new IllegalStateException("The bank holidays of the seed data do not cover Christmas 2026");
        }
        if (!calendar.plusWorkingDays(START, workingDays).equals(table.plusWorkingDays(START, workingDays))) {
            throw new IllegalStateException("WorkingDayCalendar and WorkingDays disagree from " + START);
        }
    }

    @Benchmark
    public LocalDate arithmetic() {
        return table.plusWorkingDays(START, workingDays);
    }

    @Benchmark
    public LocalDate calendar() {
        return calendar.plusWorkingDays(START, workingDays);
    }
}
