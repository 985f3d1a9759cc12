package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;

/** The references, display values and deadlines a contract management meeting process carries (X1). */
final class MeetingVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MeetingVariables() {
    }

    /**
     * @param workingDayOnOrBefore X1: a preparation step counted back from the meeting that falls on a weekend or
     *        bank holiday is due the working day before (WorkingDayCalendar), so the officer is never given less time
     *        than the rule says and the agenda still reaches the provider ahead of the meeting (C5)
     */
    static Map<String, Object> of(Meeting meeting, Organisation provider, LocalDate minutesDue,
            UnaryOperator<LocalDate> workingDayOnOrBefore, ZoneId zone) {
        LocalDate date = meeting.getMeetingDate();
        Map<String, Object> variables = new HashMap<>();
        variables.put("meetingId", meeting.getId());
        variables.put("meetingReference", meeting.getReference());
        variables.put("serviceCode", meeting.getService().getServiceCode());
        variables.put("serviceName", meeting.getService().getName());
        variables.put("providerName", provider.getName());
        variables.put("providerGroup", provider.getGroupId());
        variables.put("purchasingOfficer", meeting.getService().getPurchasingOfficer());
        variables.put("priorityLevel", meeting.getService().getPriorityLevel().name());
        variables.put("meetingDate", date.toString());
        // X1: each due by the end of its day (ProcessDates.endOfDay), the date Tasklist shows
        IntFunction<Date> daysBefore = days -> ProcessDates.endOfDay(workingDayOnOrBefore.apply(date.minusDays(days)),
                zone);
        // Tasklist 4: the ISO value is what the logic reads; the form shows the readable copy
        variables.put("meetingDateText", DisplayDates.date(date));
        // C3 desk-top review two weeks ahead, leaving time for an audit with the provider (C4) the week after
        variables.put("internalAuditDueAt", daysBefore.apply(14));
        // C4: the contracts manager decides on that audit a few days after the desk-top review, a week before it
        variables.put("auditDecisionDueAt", daysBefore.apply(10));
        variables.put("providerAuditDueAt", daysBefore.apply(2));
        // C5: the agenda reaches the provider at least one day before the meeting
        variables.put("agendaDueAt", daysBefore.apply(1));
        variables.put("minutesDueAt", ProcessDates.endOfDay(minutesDue, zone));
        return variables;
    }

    static JsonValue jsonList(List<String> values) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(values)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
