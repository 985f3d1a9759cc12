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
        ReferralVariables variables = ReferralVariables.of(task);
        List<Map<String, String>> options = sessions.therapistsAvailableFor(variables.referralId())
                .stream()
                .map(t -> Map.of("label", t.getFullName(), "value", t.getId().toString()))
                .toList();
        try {
            variables.bookingOptions(SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // R1, X1: the partnership may have been extended since the referral was made.
        Partnership partnership = partnerships.get(variables.partnershipId());
        Date endsAt = variables.partnershipEnds(partnership, properties.zone());
        task.setDueDate(endsAt);
    }
}
