package org.carecommissioning.contractmanagement;

import static org.carecommissioning.shared.BenchmarkCalendar.expect;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.carecommissioning.shared.BenchmarkCalendar;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The contract management meeting's working-day deadlines over Christmas 2026, with the application's
 * {@link WorkingDayCalendar} and bank holidays ({@link BenchmarkCalendar}): C5's minutes of a meeting on Tuesday
 * 22 December (5 working days: Thursday 31 December), and C2's planning date of a meeting due on Monday 25 January
 * 2027, whose 4 weeks before fall on the substitute Boxing Day (the working day before: Thursday 24 December).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MeetingDeadlinesBenchmark {

    @Setup
    public void check(BenchmarkCalendar calendar) {
        expect(minutesDue(calendar), LocalDate.of(2026, 12, 31));
        expect(planBy(calendar), LocalDate.of(2026, 12, 24));
    }

    @Benchmark
    public LocalDate minutesDue(BenchmarkCalendar calendar) {
        return MeetingDeadlines.minutesDue(LocalDate.of(2026, 12, 22), calendar.calendar());
    }

    @Benchmark
    public LocalDate planBy(BenchmarkCalendar calendar) {
        return MeetingDeadlines.planBy(LocalDate.of(2027, 1, 25), calendar.calendar());
    }
}
