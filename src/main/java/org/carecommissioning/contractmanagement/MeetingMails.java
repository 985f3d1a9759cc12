package org.carecommissioning.contractmanagement;

import java.util.HashMap;
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

    void toProvider(Long meetingId, String template, Map<String, Object> extra) {
        Meeting meeting = meetings.get(meetingId);
        Organisation provider = services.providerOf(meeting.getService());
        notifications.send(Email.of(provider.getEmail(), template, model(meeting, provider, extra)));
    }

    void toCsg(Long meetingId, String template, Map<String, Object> extra) {
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
