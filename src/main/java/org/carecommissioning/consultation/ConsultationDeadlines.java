package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * U1, U4, U6: the dates of a consultation. A service is due when it was last consulted (its report issued) more than
 * 2 years ago, or never (U1). The report is due 6 weeks after the last interview or the questionnaires' closing date
 * (U6). Decision (U4 retention): participants' names are kept 6 months after the report is issued, long enough to
 * answer a withdrawal or a complaint about the report, then erased; a withdrawal erases the participant's names at once.
 * U3: a meeting or interview is arranged with at least one month's notice, or 5 working days where there are ongoing
 * concerns. Decision: questionnaires close 4 weeks after the provider is asked to distribute them. U4: a safeguarding
 * concern is due the same working day (the next working day when raised on a weekend or bank holiday); Decision: a
 * complaint is due with the contracts manager 10 working days after it is raised, the complaints procedure's time to
 * acknowledge and start an investigation. X1: every day here becomes a due date with {@link ProcessDates#endOfDay}.
 */
@Component
public class ConsultationDeadlines {

    static final int CONSULTED_EVERY_YEARS = 2;
    static final int REPORT_WEEKS = 6;
    static final int NAMES_KEPT_MONTHS = 6;
    static final int MEETING_NOTICE_MONTHS = 1;
    static final int SHORT_NOTICE_WORKING_DAYS = 5;
    static final int QUESTIONNAIRE_WEEKS = 4;
    static final int COMPLAINT_WORKING_DAYS = 10;

    private final ZoneId zone;

    @Autowired
    ConsultationDeadlines(CareProperties properties) {
        this(properties.zone());
    }

    ConsultationDeadlines(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * U3: the earliest day a meeting or interview may be held when the provider is asked on {@code toldOn}: one month
     * later, or 5 working days later where there are ongoing concerns (the reason is recorded).
     */
    public LocalDate earliestMeetingOn(LocalDate toldOn, boolean ongoingConcerns, WorkingDayCalendar calendar) {
        return ongoingConcerns ? calendar.plusWorkingDays(toldOn, SHORT_NOTICE_WORKING_DAYS)
                : toldOn.plusMonths(MEETING_NOTICE_MONTHS);
    }

    /** Decision (seed 3.6 6.1): the questionnaires' closing date, 4 weeks after the provider is asked on {@code sentOn}. */
    public LocalDate questionnairesCloseOn(LocalDate sentOn) {
        return sentOn.plusWeeks(QUESTIONNAIRE_WEEKS);
    }

    /** U4: the day a safeguarding concern raised on {@code raisedOn} is due: that day, or the next working day. */
    public LocalDate safeguardingDueOn(LocalDate raisedOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(raisedOn.minusDays(1), 1);
    }

    /** U4 (Decision): the day a complaint raised on {@code raisedOn} is due with the contracts manager. */
    public LocalDate complaintDueOn(LocalDate raisedOn, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(raisedOn, COMPLAINT_WORKING_DAYS);
    }

    /** U1: the first day of a financial year like 2027/28: 1 April 2027. */
    public static LocalDate firstDayOf(String financialYear) {
        return LocalDate.of(startYear(financialYear), 4, 1);
    }

    /** X1: the due date of a task due by the end of {@code day}. */
    public Date dueAt(LocalDate day) {
        return ProcessDates.endOfDay(day, zone);
    }

    /** X1: a timer that fires when {@code day} begins. */
    public Date startOf(LocalDate day) {
        return ProcessDates.startOfDay(day, zone);
    }

    /** U1: the last day a service consulted (report issued) on {@code lastConsulted} is not yet due again. */
    public LocalDate nextDueOn(LocalDate lastConsulted) {
        return lastConsulted.plusYears(CONSULTED_EVERY_YEARS);
    }

    /** U1: whether a service last consulted on {@code lastConsulted} (null: never) is due on {@code asOf}. */
    public boolean isDue(LocalDate lastConsulted, LocalDate asOf) {
        return lastConsulted == null || !asOf.isBefore(nextDueOn(lastConsulted));
    }

    /** U6: the report's due date after the last interview or the questionnaires' closing date. */
    public LocalDate reportDueOn(LocalDate lastInterviewOrClosingDate) {
        return lastInterviewOrClosingDate.plusWeeks(REPORT_WEEKS);
    }

    /** U4 (Decision): the day from which the names of a consultation reported on {@code reportIssuedOn} are erased. */
    public LocalDate namesErasedOn(LocalDate reportIssuedOn) {
        return reportIssuedOn.plusMonths(NAMES_KEPT_MONTHS);
    }

    /** U1: the financial year (April to March) a day falls in, written like 2026/27. */
    public static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return yearStarting(start);
    }

    /** U1: the financial year after {@code financialYear}: 2027/28 after 2026/27. */
    public static String nextFinancialYear(String financialYear) {
        return yearStarting(startYear(financialYear) + 1);
    }

    /** The first calendar year of a financial year: 2026 for 2026/27. */
    static int startYear(String financialYear) {
        return Integer.parseInt(financialYear.substring(0, 4));
    }

    private static String yearStarting(int start) {
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }
}
