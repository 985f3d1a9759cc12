package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.notification.Email;
import org.carecommissioning.notification.NotificationService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * U3, X2: the provider is asked to arrange the meetings or interviews with at least one month's notice, or 5 working
 * days where the contracts manager recorded ongoing concerns, and to collect each participant's signed consent form,
 * attached as a PDF (appendix 1).
 */
@Component
class ConsultationMeetingMailDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final NotificationService notifications;
    private final ConsultationDeadlines deadlines;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    ConsultationMeetingMailDelegate(Consultations consultations, NotificationService notifications,
            ConsultationDeadlines deadlines, WorkingDayCalendar calendar, Clock clock) {
        this.consultations = consultations;
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsultationVariables variables = ConsultationVariables.of(execution);
        Consultation consultation = consultations.get(variables.reference());
        boolean shortNotice = consultation.getShortNoticeReason() != null;
        LocalDate earliest = deadlines.earliestMeetingOn(LocalDate.now(clock), shortNotice, calendar);
        variables.meetingsFrom(earliest);
        Organisation provider = consultations.providerOf(consultation);
        Map<String, Object> model = ConsultationMailModel.of(consultation, consultations.serviceOf(consultation),
                provider.getName());
        model.put(ConsultationVariables.EARLIEST_MEETING_DATE, DisplayDates.date(earliest));
        model.put("participantsWanted", consultation.getSampleGrownBy() == 0
                ? consultation.getSampleSize() + " service users"
                : consultation.getSampleSize() + " service users in all, " + consultation.getSampleGrownBy() + " more"
                        + " than first agreed, as the contracts manager approved more interviews after adverse"
                        + " comments (rule U5)");
        model.put("noticeGiven", shortNotice ? "5 working days' notice, because of ongoing concerns"
                : "at least one month's notice");
        ContractedService service = consultations.serviceOf(consultation);
        notifications.send(Email.of(provider.getEmail(), "consultation-meeting", model).withAttachment(
                ConsentFormPdf.fileName(consultation), "application/pdf",
                ConsentFormPdf.render(consultation, service, provider.getName())));
    }
}
