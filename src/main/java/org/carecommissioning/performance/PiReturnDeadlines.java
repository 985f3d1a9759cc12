package org.carecommissioning.performance;

import java.time.LocalDate;

import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Every day count of the PI return lifecycle in one place, each with its rule. The deadline itself (PI2) is the
 * purchasing officer's, given on the request; the timer that fires when it is over is {@link DeadlineTimer}; an
 * agreed extension (PI7) is {@link ReturnDeadlines}.
 */
@Component
class PiReturnDeadlines {

    /** PI4: the purchasing officer checks a return within two weeks of receipt. */
    static final int CHECK_DAYS = 14;
    /** PI4, X1 Decision: a return sent back is due again 10 working days after the request. */
    static final int RESUBMISSION_WORKING_DAYS = 10;

    private final WorkingDayCalendar calendar;

    PiReturnDeadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** PI4: the day by which a return received that day is checked. */
    LocalDate checkDue(LocalDate receivedOn) {
        return receivedOn.plusDays(CHECK_DAYS);
    }

    /**
     * PI4, X1 Decision: a return sent back to the provider is due again 10 working days (bank holidays excluded) after
     * the request, or by its deadline when that is later, so the resubmission always has a date in the provider's
     * task list.
     */
    LocalDate resubmitBy(LocalDate requestedOn, LocalDate deadline) {
        LocalDate afterRequest = calendar.plusWorkingDays(requestedOn, RESUBMISSION_WORKING_DAYS);
        return deadline.isAfter(afterRequest) ? deadline : afterRequest;
    }
}
