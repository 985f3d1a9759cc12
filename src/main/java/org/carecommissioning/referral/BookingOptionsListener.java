package org.carecommissioning.referral;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * R4: when a booking task opens, offers the therapists currently available on the project (as the JSON list
 * the form's select reads), clears the previous appointment time so it is not booked twice by mistake, and
 * takes the due date from the partnership's current end date.
 */
@Component("bookingOptionsListener")
class BookingOptionsListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreatmentSessionService sessions;
    private final PartnershipService partnerships;
    private final CareProperties properties;

    BookingOptionsListener(TreatmentSessionService sessions, PartnershipService partnerships,
            CareProperties properties) {
        this.sessions = sessions;
        this.partnerships = partnerships;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = sessions.therapistsAvailableFor(ProcessVariables.id(task, "referralId"))
                .stream()
                .map(t -> Map.of("label", t.getFullName(), "value", t.getId().toString()))
                .toList();
        try {
            task.getExecution().setVariable("therapistOptions",
                    SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        task.getExecution().removeVariable("appointmentAt");
        // R1, X1: the partnership may have been extended since the referral was made.
        Partnership partnership = partnerships.get(ProcessVariables.id(task, "partnershipId"));
        Date endsAt = ProcessDates.endOfDay(partnership.getEndDate(), properties.zone());
        task.getExecution().setVariable("partnershipEndDate", partnership.getEndDate().toString());
        task.getExecution().setVariable("partnershipEndDateText", DisplayDates.date(partnership.getEndDate()));
        task.getExecution().setVariable("partnershipEndsAt", endsAt);
        task.setDueDate(endsAt);
    }
}
