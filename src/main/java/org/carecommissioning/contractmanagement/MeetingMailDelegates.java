package org.carecommissioning.contractmanagement;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.ProcessVariables;
import org.springframework.stereotype.Component;

/** The mail steps of the contract management meeting process, one bean per letter. */
final class MeetingMailDelegates {

    private MeetingMailDelegates() {
    }

    /** C2: the set-up letter, at least 4 weeks before the meeting. */
    @Component("setUpLetterMailDelegate")
    static class SetUpLetter implements JavaDelegate {

        private final MeetingMails mails;

        SetUpLetter(MeetingMails mails) {
            this.mails = mails;
        }

        @Override
        public void execute(DelegateExecution execution) {
            mails.toProvider(ProcessVariables.id(execution, "meetingId"), "cmm-set-up-letter", Map.of());
        }
    }

    /** C4: clauses that moved from Medium to High after the audit with the provider go to the CSG. */
    @Component("csgEscalationMailDelegate")
    static class CsgEscalation implements JavaDelegate {

        private final MeetingMails mails;

        CsgEscalation(MeetingMails mails) {
            this.mails = mails;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void execute(DelegateExecution execution) {
            Object escalated = execution.getVariable("escalatedClauses");
            List<String> titles = escalated instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(escalated));
            mails.toCsg(ProcessVariables.id(execution, "meetingId"), "cmm-risk-escalation",
                    Map.of("escalatedClauses", "- " + String.join("\n- ", titles)));
        }
    }

    /** C5: the agenda, at least one day before the meeting. */
    @Component("agendaMailDelegate")
    static class Agenda implements JavaDelegate {

        private final MeetingMails mails;
        private final MeetingService meetings;

        Agenda(MeetingMails mails, MeetingService meetings) {
            this.mails = mails;
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long meetingId = ProcessVariables.id(execution, "meetingId");
            mails.toProvider(meetingId, "cmm-agenda", Map.of("agenda", meetings.get(meetingId).getAgenda()));
        }
    }

    /** C8: the survey on the meeting process. */
    @Component("feedbackRequestMailDelegate")
    static class FeedbackRequest implements JavaDelegate {

        private final MeetingMails mails;

        FeedbackRequest(MeetingMails mails) {
            this.mails = mails;
        }

        @Override
        public void execute(DelegateExecution execution) {
            mails.toProvider(ProcessVariables.id(execution, "meetingId"), "cmm-feedback-request", Map.of());
        }
    }
}
