package org.carecommissioning.contractmanagement;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.carecommissioning.shared.FormValues;

/**
 * The variables of processes/cmm-next-meeting.bpmn, names and types in one place: the service whose next meeting is
 * being planned (set when {@link MeetingPlanning} starts the process) and the date the purchasing officer chooses on
 * the planning form, read at the edge with {@link FormValues}.
 */
final class NextMeetingVariables {

    static final String SERVICE_CODE = "serviceCode";
    static final String SERVICE_NAME = "serviceName";
    static final String PURCHASING_OFFICER = "purchasingOfficer";
    static final String PRIORITY_LEVEL = "priorityLevel";
    static final String MEETING_DATE = "meetingDate";
    static final String MEETING_REFERENCE = "meetingReference";

    private final VariableScope scope;

    private NextMeetingVariables(VariableScope scope) {
        this.scope = scope;
    }

    static NextMeetingVariables of(VariableScope scope) {
        return new NextMeetingVariables(scope);
    }

    String serviceCode() {
        return FormValues.text(scope.getVariable(SERVICE_CODE));
    }

    /** C2: the meeting date chosen on the planning form (cmm-next-meeting form). */
    LocalDate meetingDate() {
        return FormValues.date(scope.getVariable(MEETING_DATE), "C2", "The meeting date");
    }

    /** C2: the meeting the planning task started. */
    void meetingStarted(String meetingReference) {
        scope.setVariable(MEETING_REFERENCE, meetingReference);
    }
}
