package org.carecommissioning.contractmanagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** The letters of a contract management meeting (X2: each is sent by an asynchronous, retried step). */
@Component
class MeetingMails {

    private final MeetingService meetings;
    private final ContractServices services;
    private final NotificationService notifications;
    private final ContractManagementProperties properties;

    MeetingMails(MeetingService meetings, ContractServices services, NotificationService notifications,
            ContractManagementProperties properties) {
        this.meetings = meetings;
        this.services = services;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** C2: the set-up letter, at least 4 weeks before the meeting. */
    void setUpLetter(Long meetingId) {
        toProvider(meetingId, "cmm-set-up-letter", Map.of());
    }

    /** C4: the clauses that moved from Medium to High after the audit with the provider, to the CSG. */
    void riskEscalation(Long meetingId, List<String> clauseTitles) {
        toCsg(meetingId, "cmm-risk-escalation", Map.of("escalatedClauses", "- " + String.join("\n- ", clauseTitles)));
    }

    /** C5: the agenda as the officer finalised it, at least one day before the meeting. */
    void agenda(Long meetingId) {
        toProvider(meetingId, "cmm-agenda", Map.of("agenda", meetings.get(meetingId).getAgenda()));
    }

    /** C8: the survey on the meeting process. */
    void feedbackRequest(Long meetingId) {
        toProvider(meetingId, "cmm-feedback-request", Map.of());
    }

    private void toProvider(Long meetingId, String template, Map<String, Object> extra) {
        Meeting meeting = meetings.get(meetingId);
        Organisation provider = services.providerOf(meeting.getService());
        notifications.send(Email.of(provider.getEmail(), template, model(meeting, provider, extra)));
    }

    private void toCsg(Long meetingId, String template, Map<String, Object> extra) {
        Meeting meeting = meetings.get(meetingId);
        notifications.send(Email.of(properties.csgEmail(), template,
                model(meeting, services.providerOf(meeting.getService()), extra)));
    }

    private static Map<String, Object> model(Meeting meeting, Organisation provider, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("providerName", provider.getName());
        model.put("serviceName", meeting.getService().getName());
        model.put("serviceCode", meeting.getService().getServiceCode());
        model.put("meetingDate", DisplayDates.date(meeting.getMeetingDate()));
        model.put("meetingReference", meeting.getReference());
        model.put("purchasingOfficer", meeting.getService().getPurchasingOfficer());
        return model;
    }
}
