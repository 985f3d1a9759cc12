package org.carecommissioning.referral;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carecommissioning.shared.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * R4: when a booking task opens, offers the therapists currently available on the project (as the JSON list
 * the form's select reads) and clears the previous appointment time so it is not booked twice by mistake.
 */
@Component("bookingOptionsListener")
class BookingOptionsListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreatmentSessionService sessions;

    BookingOptionsListener(TreatmentSessionService sessions) {
        this.sessions = sessions;
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
    }
}
