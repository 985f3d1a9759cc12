package org.carecommissioning.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;

/**
 * The variables of processes/partnership-term.bpmn, names and types in one place: the references and dates the
 * process carries for a partnership, and the start and review forms read at the edge with {@link FormValues}.
 */
final class PartnershipVariables {

    static final String PARTNERSHIP_ID = "partnershipId";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String NEW_END_DATE = "newEndDate";
    static final String REVIEW_NOTES = "reviewNotes";

    private final VariableScope scope;

    private PartnershipVariables(VariableScope scope) {
        this.scope = scope;
    }

    static PartnershipVariables of(VariableScope scope) {
        return new PartnershipVariables(scope);
    }

    /** R1, R5: the partnership-start form. */
    record Application(String organisationCode, String organisationName, String organisationEmail, LocalDate startDate,
            Integer treatmentMinutes) {
    }

    Application application() {
        return new Application(text("organisationCode"), text("organisationName"), text("organisationEmail"),
                FormValues.date(scope.getVariable("startDate"), "R1", "The start date"),
                FormValues.integer(scope.getVariable("treatmentMinutes"), "R5", "The treatment length"));
    }

    Long partnershipId() {
        return ProcessVariables.id(scope, PARTNERSHIP_ID);
    }

    /** R1: the review's choice (partnership-review form). */
    ReviewDecision reviewDecision() {
        return ReviewDecision.parse(text(REVIEW_DECISION));
    }

    /** R1: the end date agreed at the review. */
    LocalDate newEndDate() {
        return FormValues.date(scope.getVariable(NEW_END_DATE), "R1", "The new end date");
    }

    String reviewNotes() {
        return text(REVIEW_NOTES);
    }

    /** R1: the next term's review starts afresh. */
    void reviewed() {
        scope.removeVariable(REVIEW_DECISION);
        scope.removeVariable(NEW_END_DATE);
    }

    /** The references and dates the process carries for the partnership, after it is entered into or extended. */
    void track(Partnership partnership, Organisation organisation, PartnershipProperties settings, ZoneId zone,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewFrom = partnership.getEndDate().minusDays(settings.reviewNoticeDays());
        Date reviewStartsAt = ProcessDates.startOfDay(reviewFrom.isBefore(today) ? today : reviewFrom, zone);
        scope.setVariables(Map.of(
                PARTNERSHIP_ID, partnership.getId(),
                "partnershipReference", partnership.getReference(),
                "organisationName", organisation.getName(),
                "commissionerGroup", organisation.getGroupId(),
                "partnershipEndDate", partnership.getEndDate().toString(),
                "partnershipEndDateText", DisplayDates.date(partnership.getEndDate()),
                // R1, X1: the review is due on the last day (shown in Tasklist); the term is over, and its timers
                // fire, once that day has ended
                "partnershipEndsAt", ProcessDates.endOfDay(partnership.getEndDate(), zone),
                "partnershipOverAt", ProcessDates.dayOver(partnership.getEndDate(), zone),
                "reviewStartsAt", reviewStartsAt));
    }

    private String text(String name) {
        return FormValues.text(scope.getVariable(name));
    }
}
