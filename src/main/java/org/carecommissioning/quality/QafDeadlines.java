package org.carecommissioning.quality;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Q2, X1: the dates of a QAF, all from its contract management meeting (CMM): issued 3 months before it, due back 6
 * weeks before it. A return sent back for more evidence is due again 2 weeks after the request, or by the first due
 * date when that is later (Decision, as PI4's resubmission: the provider always has a date in Tasklist). Q7: the
 * provider answers the grades within 4 weeks ({@link #respondBy}); Q8: a D grade's plan is due 2 weeks after the
 * grades are final, and validated one month after it came in.
 */
@Component
public class QafDeadlines {

    static final int ISSUE_MONTHS_BEFORE_MEETING = 3;
    static final int DUE_WEEKS_BEFORE_MEETING = 6;
    static final int RESUBMISSION_DAYS = 14;
    /** Q6 Decision: the contracts manager moderates the QAFs drawn within 4 weeks (drawn 1 March: before the year ends). */
    static final int MODERATION_WEEKS = 4;
    /** Q7 Decision: the provider accepts or disagrees within 4 weeks of the e-mail telling it the grades. */
    static final int RESPONSE_WEEKS = 4;
    /** Q8: the improvement plan for a D grade is due 2 weeks after the grades are final. */
    static final int PLAN_WEEKS = 2;
    /** Q8: the improvement is validated one month after the plan was received. */
    static final int VALIDATION_MONTHS = 1;

    private final ZoneId zone;

    @Autowired
    QafDeadlines(CareProperties properties) {
        this(properties.zone());
    }

    QafDeadlines(ZoneId zone) {
        this.zone = zone;
    }

    /** Q2: when the QAF is issued for a meeting on {@code meeting}. */
    public LocalDate issueOn(LocalDate meeting) {
        return meeting.minusMonths(ISSUE_MONTHS_BEFORE_MEETING);
    }

    /** Q2: the day the self-assessment is due back for a meeting on {@code meeting}. */
    public LocalDate dueOn(LocalDate meeting) {
        return meeting.minusWeeks(DUE_WEEKS_BEFORE_MEETING);
    }

    /** Q3, X1: the day a return sent back on {@code requestedOn} for more evidence is due again. */
    public LocalDate resubmitBy(LocalDate requestedOn, LocalDate dueOn) {
        LocalDate afterRequest = requestedOn.plusDays(RESUBMISSION_DAYS);
        return dueOn.isAfter(afterRequest) ? dueOn : afterRequest;
    }

    /** Q6 Decision: the moderation of the QAFs drawn on {@code drawnOn} is due 4 weeks later. */
    public LocalDate moderateBy(LocalDate drawnOn) {
        return drawnOn.plusWeeks(MODERATION_WEEKS);
    }

    /**
     * Q7 Decision: the last day the provider may disagree with grades e-mailed on {@code toldOn}: 4 weeks later (the
     * seed sets no period; 4 weeks gives time to gather evidence and still closes well before the next year's QAF).
     * No response by then is acceptance: the boundary timer on the provider's task fires once the day is over.
     */
    public LocalDate respondBy(LocalDate toldOn) {
        return toldOn.plusWeeks(RESPONSE_WEEKS);
    }

    /** Q8: the day the improvement plan for a D grade made final on {@code finalOn} is due. */
    public LocalDate planDueOn(LocalDate finalOn) {
        return finalOn.plusWeeks(PLAN_WEEKS);
    }

    /** Q8: the day the improvement is validated, one month after the plan came in on {@code receivedOn}. */
    public LocalDate improvementValidationOn(LocalDate receivedOn) {
        return receivedOn.plusMonths(VALIDATION_MONTHS);
    }

    /** Q8, X1: a timer that opens a task on {@code day} fires at its start. */
    public Date startOf(LocalDate day) {
        return ProcessDates.startOfDay(day, zone);
    }

    /** X1: the provider task's due date for a deadline on {@code day}. */
    public Date dueAt(LocalDate day) {
        return ProcessDates.endOfDay(day, zone);
    }

    /** Q2, X1: when the non-return timer fires: once the deadline day is over. */
    public Date reminderAt(LocalDate day) {
        return ProcessDates.dayOver(day, zone);
    }

    /** Q2: the financial year (April to March) a day falls in, written like 2026/27. */
    public static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }
}
