package org.carecommissioning.consultation;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * U1, U4, U6: the dates of a consultation. A service is due when it was last consulted (its report issued) more than
 * 2 years ago, or never (U1). The report is due 6 weeks after the last interview or the questionnaires' closing date
 * (U6). Decision (U4 retention): participants' names are kept 6 months after the report is issued, long enough to
 * answer a withdrawal or a complaint about the report, then erased; a withdrawal erases the participant's names at once.
 */
@Component
public class ConsultationDeadlines {

    static final int CONSULTED_EVERY_YEARS = 2;
    static final int REPORT_WEEKS = 6;
    static final int NAMES_KEPT_MONTHS = 6;

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
