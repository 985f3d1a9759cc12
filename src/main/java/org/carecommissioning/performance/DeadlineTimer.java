package org.carecommissioning.performance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * PI7, X1: when the deadline timer of processes/pi-return.bpmn ({@code StartEvent_DeadlinePassed}, timer date
 * {@code ${deadlineTimer.at(execution)}}) fires: once the deadline day is over in the commissioners' zone
 * ({@code care.zone}), 00:00 the next day, the first second after the "Submit PI return" task's due date
 * ({@code deadlineAt}, 23:59:59 on the deadline day), so the reminder goes out as the task becomes overdue.
 * <p>
 * Public only because the engine's expression language invokes a method solely through a public class; nothing
 * outside this package uses it.
 */
@Component("deadlineTimer")
public class DeadlineTimer {

    private final ZoneId zone;

    @Autowired
    DeadlineTimer(CareProperties properties) {
        this(properties.zone());
    }

    DeadlineTimer(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The timer's due date from the process's {@code deadline} variable, read as the open-return step reads it
     * (a date "2026-10-28", an ISO date-time, a {@link Date} or a {@link LocalDate}).
     */
    public Date at(VariableScope execution) {
        LocalDate deadline;
        try {
            deadline = FormValues.date(execution.getVariable("deadline"), "PI2", "The deadline");
        } catch (BusinessRuleViolation unreadable) {
            deadline = null;
        }
        if (deadline == null) {
            // Deliberately no exception here: the engine creates this timer when the instance starts, before
            // Task_OpenReturn runs. That step, in the same transaction, refuses a missing or unreadable deadline
            // with the PI2 message the caseworker understands, and the rollback discards this timer with the
            // instance. Throwing here would replace that message with an engine error.
            return ClockUtil.getCurrentTime();
        }
        return at(deadline);
    }

    /**
     * Once the deadline day is over: 00:00 the next day in the commissioners' zone (X1: the task is due at 23:59:59 on
     * the deadline day and the return is late from 00:00 the day after). Not public, so that the model's
     * {@code at(execution)} is the only one-argument {@code at} the expression language can see and choose.
     */
    Date at(LocalDate deadline) {
        return ProcessDates.dayOver(deadline, zone);
    }
}
