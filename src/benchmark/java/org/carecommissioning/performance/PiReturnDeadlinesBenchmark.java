package org.carecommissioning.performance;

import static org.carecommissioning.shared.BenchmarkCalendar.expect;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.carecommissioning.shared.BenchmarkCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PI4: a PI return sent back on Friday 18 December 2026 with its deadline on Thursday 31 December is due again 10
 * working days after the request, across Christmas, the substitute Boxing Day and New Year's Day (Wednesday 6 January
 * 2027), with the application's working-day calendar and bank holidays ({@link BenchmarkCalendar}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PiReturnDeadlinesBenchmark {

    private PiReturnDeadlines deadlines;

    @Setup
    public void check(BenchmarkCalendar calendar) {
        deadlines = new PiReturnDeadlines(calendar.calendar());
        expect(resubmitBy(), LocalDate.of(2027, 1, 6));
    }

    @Benchmark
    public LocalDate resubmitBy() {
        return deadlines.resubmitBy(LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 31));
    }
}
