package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deadlines policy of a contract management meeting (C1-C7, PI5, X1) and the plan decision (C7). */
@DisplayName("MeetingDeadlines and PlanAgreement (C1-C7, PI5, X1)")
class MeetingDeadlinesTest {

    /** Thursday 14 January 2027. */
    private static final LocalDate MEETING = LocalDate.of(2027, 1, 14);

    /** Weekends only, as WorkingDayCalendar without bank holidays. */
    private static WorkingDayCalendar weekendsOnly() {
        WorkingDayCalendar calendar = mock(WorkingDayCalendar.class);
        when(calendar.workingDayOnOrBefore(any())).thenAnswer(invocation -> {
            LocalDate day = invocation.getArgument(0);
            while (isWeekend(day)) {
                day = day.minusDays(1);
            }
            return day;
        });
        when(calendar.plusWorkingDays(any(), anyInt())).thenAnswer(invocation -> {
            LocalDate day = invocation.getArgument(0);
            for (int left = invocation.<Integer>getArgument(1); left > 0; ) {
                day = day.plusDays(1);
                if (!isWeekend(day)) {
                    left--;
                }
            }
            return day;
        });
        return calendar;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Test
    @DisplayName("C2 PI5 C1 notice, planning window and a meeting brought forward")
    void noticeAndPlanning() {
        WorkingDayCalendar calendar = weekendsOnly();
        assertThat(MeetingDeadlines.earliestMeetingDate(LocalDate.of(2026, 11, 2))).isEqualTo("2026-11-30");
        assertThat(MeetingDeadlines.planningOpens(LocalDate.of(2027, 4, 14))).isEqualTo("2027-02-17");
        // 4 weeks before Saturday 17 April 2027 is a Saturday: the Friday before
        assertThat(MeetingDeadlines.planBy(LocalDate.of(2027, 4, 17), calendar)).isEqualTo("2027-03-19");
        assertThat(MeetingDeadlines.broughtForwardDue(LocalDate.of(2026, 11, 2))).isEqualTo("2026-12-14");
    }

    @Test
    @DisplayName("C3 C4 C5 X1 preparation counted back from the meeting, on the working day before a weekend")
    void preparation() {
        UnaryOperator<LocalDate> onOrBefore = weekendsOnly()::workingDayOnOrBefore;
        assertThat(MeetingDeadlines.internalAuditDue(MEETING, onOrBefore)).isEqualTo("2026-12-31");
        assertThat(MeetingDeadlines.auditDecisionDue(MEETING, onOrBefore)).isEqualTo("2027-01-04");
        assertThat(MeetingDeadlines.providerAuditDue(MEETING, onOrBefore)).isEqualTo("2027-01-12");
        assertThat(MeetingDeadlines.agendaDue(MEETING, onOrBefore)).isEqualTo("2027-01-13");
        // Monday 18 January: 2 days before is Saturday 16, so Friday 15
        assertThat(MeetingDeadlines.providerAuditDue(LocalDate.of(2027, 1, 18), onOrBefore)).isEqualTo("2027-01-15");
    }

    @Test
    @DisplayName("C5 C7 X1 minutes, improvement plan and its agreement")
    void afterTheMeeting() {
        WorkingDayCalendar calendar = weekendsOnly();
        assertThat(MeetingDeadlines.minutesDue(MEETING, calendar)).isEqualTo("2027-01-21");
        assertThat(MeetingDeadlines.improvementPlanDue(LocalDate.of(2027, 1, 18))).isEqualTo("2027-02-01");
        assertThat(MeetingDeadlines.planAgreementDue(LocalDate.of(2027, 1, 27), calendar)).isEqualTo("2027-02-03");
    }

    @Test
    @DisplayName("C7 the plan decision is agree or revise; anything else is refused with the caseworker's message")
    void planAgreement() {
        assertThat(PlanAgreement.parse("agree")).isEqualTo(PlanAgreement.AGREE);
        assertThat(PlanAgreement.parse("revise")).isEqualTo(PlanAgreement.REVISE);
        assertThat(PlanAgreement.AGREE.agreed()).isTrue();
        assertThat(PlanAgreement.REVISE.agreed()).isFalse();
        for (String bad : new String[] {null, "", "AGREE", "maybe"}) {
            assertThatThrownBy(() -> PlanAgreement.parse(bad))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("C7: Agree the improvement plan or send it back to the provider to revise.");
        }
    }
}
