package org.carecommissioning.consultation;

import static org.carecommissioning.shared.BenchmarkCalendar.expect;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * The consultation's working-day deadlines over Christmas 2026, with the application's {@link WorkingDayCalendar}
 * and bank holidays ({@link BenchmarkCalendar}): U4's safeguarding concern raised on Boxing Day (due Tuesday 29
 * December), U4's complaint raised on Monday 21 December (10 working days: Thursday 7 January), U3's short notice asked
 * on Wednesday 23 December (5 working days: Monday 4 January).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConsultationDeadlinesBenchmark {

    private final ConsultationDeadlines deadlines = new ConsultationDeadlines(ZoneId.of("Europe/London"));

    @Setup
    public void check(BenchmarkCalendar calendar) {
        expect(safeguardingDue(calendar), LocalDate.of(2026, 12, 29));
        expect(complaintDue(calendar), LocalDate.of(2027, 1, 7));
        expect(shortNoticeMeeting(calendar), LocalDate.of(2027, 1, 4));
    }

    @Benchmark
    public LocalDate safeguardingDue(BenchmarkCalendar calendar) {
        return deadlines.safeguardingDueOn(LocalDate.of(2026, 12, 26), calendar.calendar());
    }

    @Benchmark
    public LocalDate complaintDue(BenchmarkCalendar calendar) {
        return deadlines.complaintDueOn(LocalDate.of(2026, 12, 21), calendar.calendar());
    }

    @Benchmark
    public LocalDate shortNoticeMeeting(BenchmarkCalendar calendar) {
        return deadlines.earliestMeetingOn(LocalDate.of(2026, 12, 23), true, calendar.calendar());
    }
}
