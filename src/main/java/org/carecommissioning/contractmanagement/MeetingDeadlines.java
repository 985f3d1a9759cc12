package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.carecommissioning.shared.WorkingDayCalendar;

/**
 * Every deadline of a contract management meeting and of planning the next one, one method per deadline, each named
 * after the RULES.md rule it serves (X1: each becomes a task due date or a timer). The methods give the day; the
 * caller turns it into the due moment (ProcessDates.endOfDay in the configured zone).
 */
final class MeetingDeadlines {

    /** C2: the provider is told the date in writing at least 4 weeks before the meeting. */
    static final int NOTICE_DAYS = 28;
    /** C1, C2: planning opens 8 weeks before the meeting is due: time to agree a date, then 4 weeks' notice. */
    static final int PLANNING_OPENS_DAYS = 56;
    /** PI5 Decision: a meeting brought forward is due within 6 weeks: 2 weeks to plan it, then C2's 4 weeks. */
    static final int BROUGHT_FORWARD_DAYS = 42;
    /** C3: the desk-top review two weeks ahead, leaving time for an audit with the provider (C4) the week after. */
    static final int INTERNAL_AUDIT_DAYS_BEFORE = 14;
    /** C4: the contracts manager decides on that audit a few days after the desk-top review, a week before it. */
    static final int AUDIT_DECISION_DAYS_BEFORE = 10;
    /** C4: the audit with the provider is done two days before the meeting. */
    static final int PROVIDER_AUDIT_DAYS_BEFORE = 2;
    /** C5: the agenda reaches the provider at least one day before the meeting. */
    static final int AGENDA_DAYS_BEFORE = 1;
    /** C5, X1: the minutes are due five working days after the meeting. */
    static final int MINUTES_WORKING_DAYS = 5;
    /** C7, X1 Decision: the written plan is due 2 weeks after the minutes (and after each return). */
    static final int PLAN_DUE_DAYS = 14;
    /** C7, X1: the purchasing officer agrees or returns the plan within 5 working days. */
    static final int AGREEMENT_WORKING_DAYS = 5;

    private MeetingDeadlines() {
    }

    /** C2: the earliest meeting date that still gives the provider 4 weeks' notice from {@code today}. */
    static LocalDate earliestMeetingDate(LocalDate today) {
        return today.plusDays(NOTICE_DAYS);
    }

    /** C1: the day planning of the next meeting opens, 8 weeks before it is due. */
    static LocalDate planningOpens(LocalDate nextMeetingDue) {
        return nextMeetingDue.minusDays(PLANNING_OPENS_DAYS);
    }

    /**
     * C2, X1: the next meeting is planned 4 weeks before it falls due, so the set-up letter still gives 4 weeks'
     * notice; on a weekend or bank holiday, the working day before.
     */
    static LocalDate planBy(LocalDate nextMeetingDue, WorkingDayCalendar calendar) {
        return calendar.workingDayOnOrBefore(nextMeetingDue.minusDays(NOTICE_DAYS));
    }

    /** PI5: the date a meeting brought forward from {@code today} is due. */
    static LocalDate broughtForwardDue(LocalDate today) {
        return today.plusDays(BROUGHT_FORWARD_DAYS);
    }

    /**
     * C3: the internal compliance audit (desk-top review), two weeks before the meeting. X1: a preparation step
     * counted back from the meeting that falls on a weekend or bank holiday is due the working day before, so the
     * officer is never given less time than the rule says.
     */
    static LocalDate internalAuditDue(LocalDate meetingDate, UnaryOperator<LocalDate> workingDayOnOrBefore) {
        return workingDayOnOrBefore.apply(meetingDate.minusDays(INTERNAL_AUDIT_DAYS_BEFORE));
    }

    /** C4: the contracts manager's decision on an audit with the provider, 10 days before the meeting (X1 as C3). */
    static LocalDate auditDecisionDue(LocalDate meetingDate, UnaryOperator<LocalDate> workingDayOnOrBefore) {
        return workingDayOnOrBefore.apply(meetingDate.minusDays(AUDIT_DECISION_DAYS_BEFORE));
    }

    /** C4: the compliance audit with the provider, 2 days before the meeting (X1 as C3). */
    static LocalDate providerAuditDue(LocalDate meetingDate, UnaryOperator<LocalDate> workingDayOnOrBefore) {
        return workingDayOnOrBefore.apply(meetingDate.minusDays(PROVIDER_AUDIT_DAYS_BEFORE));
    }

    /** C5: the agenda reaches the provider at least one day before the meeting (X1 as C3). */
    static LocalDate agendaDue(LocalDate meetingDate, UnaryOperator<LocalDate> workingDayOnOrBefore) {
        return workingDayOnOrBefore.apply(meetingDate.minusDays(AGENDA_DAYS_BEFORE));
    }

    /** C5, X1: the minutes, five working days after the meeting. */
    static LocalDate minutesDue(LocalDate meetingDate, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(meetingDate, MINUTES_WORKING_DAYS);
    }

    /** C7, X1: the provider's written improvement plan, 2 weeks after the minutes or after the plan is returned. */
    static LocalDate improvementPlanDue(LocalDate today) {
        return today.plusDays(PLAN_DUE_DAYS);
    }

    /** C7, X1: the purchasing officer agrees or returns the plan within 5 working days of receiving it. */
    static LocalDate planAgreementDue(LocalDate received, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(received, AGREEMENT_WORKING_DAYS);
    }
}
