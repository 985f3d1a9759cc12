package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.ProcessVariables;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.carecommissioning.shared.DisplayDates;
import org.springframework.stereotype.Component;

/** The recording steps of the contract management meeting process: read the form, call MeetingService. */
final class MeetingStepDelegates {

    private MeetingStepDelegates() {
    }

    /** C3: stores the desk-top review; each clause's risk comes from the compliance-risk-level table. */
    @Component("assessClauseRisksDelegate")
    static class AssessClauseRisks implements JavaDelegate {

        private final MeetingService meetings;

        AssessClauseRisks(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long meetingId = ProcessVariables.id(execution, "meetingId");
            List<String> concerns = meetings.recordInternalAudit(meetingId, execution.getVariables());
            execution.setVariable("riskClauses", MeetingVariables.jsonList(concerns));
            execution.setVariable("riskClauseCodes", new ArrayList<>(concerns));
            execution.setVariable("concernCount", concerns.size());
            execution.setVariable("riskSummary", String.join("\n", meetings.riskSummaryLines(meetingId)));
            for (ComplianceClause clause : meetings.clausesOf(meetingId)) {
                execution.setVariable(clause.getClauseCode() + "Risk", clause.getRiskLevel().name());
            }
        }
    }

    /** C3: each Medium or High clause is put before the contracts manager, who may note it. */
    @Component("riskClauseReviewListener")
    static class RiskClauseReview implements TaskListener {

        private final MeetingService meetings;

        RiskClauseReview(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void notify(DelegateTask task) {
            Long meetingId = ProcessVariables.id(task, "meetingId");
            String code = (String) task.getVariable("clauseCode");
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                ComplianceClause clause = meetings.clause(meetingId, code);
                task.setVariableLocal("clauseTitle", clause.getClauseTitle());
                task.setVariableLocal("clauseRisk", clause.getRiskLevel().name());
                task.setVariableLocal("clauseComments", clause.getComments());
            } else {
                meetings.noteClause(meetingId, code, FormValues.text(task.getVariable("managerNote")));
                // the next clause's form starts with an empty note, not this one
                task.getExecution().removeVariable("managerNote");
            }
        }
    }

    /** C4: the decision on a compliance audit with the provider. */
    @Component("recordAuditDecisionDelegate")
    static class RecordAuditDecision implements JavaDelegate {

        private final MeetingService meetings;

        RecordAuditDecision(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean hold = FormValues.flag(execution.getVariable("holdComplianceAudit"));
            List<String> involves = new ArrayList<>();
            if (hold && FormValues.flag(execution.getVariable("involveServiceUsers"))) {
                involves.add("service users");
            }
            if (hold && FormValues.flag(execution.getVariable("involveStaff"))) {
                involves.add("staff");
            }
            if (hold && FormValues.flag(execution.getVariable("involveStakeholders"))) {
                String contact = FormValues.text(execution.getVariable("stakeholderContact"));
                involves.add("stakeholders" + (contact == null ? "" : " (" + contact + ")"));
            }
            meetings.decideAudit(ProcessVariables.id(execution, "meetingId"), hold, involves,
                    FormValues.text(execution.getVariable("decisionReason")));
            execution.setVariable("holdComplianceAudit", hold);
        }
    }

    /** C4: revised risks after the audit with the provider; Medium to High moves are reported to the CSG. */
    @Component("recordRevisedRisksDelegate")
    static class RecordRevisedRisks implements JavaDelegate {

        private final MeetingService meetings;

        RecordRevisedRisks(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void execute(DelegateExecution execution) {
            Long meetingId = ProcessVariables.id(execution, "meetingId");
            List<String> escalated = meetings.recordProviderAudit(meetingId,
                    (List<String>) execution.getVariable("riskClauseCodes"), execution.getVariables());
            execution.setVariable("escalatedClauses", new ArrayList<>(escalated));
            execution.setVariable("riskEscalated", !escalated.isEmpty());
            execution.setVariable("riskSummary", String.join("\n", meetings.riskSummaryLines(meetingId)));
        }
    }

    /** C5, C7: drafts the standard agenda with the concerns and the open improvement actions. */
    @Component("draftAgendaDelegate")
    static class DraftAgenda implements JavaDelegate {

        private final MeetingService meetings;

        DraftAgenda(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long meetingId = ProcessVariables.id(execution, "meetingId");
            Meeting meeting = meetings.get(meetingId);
            execution.setVariable("agenda", meetings.standardAgenda(meetingId));
            execution.setVariable("openActions", String.join("\n",
                    meetings.openActionLines(meeting.getService().getId())));
            execution.setVariable("riskSummary", String.join("\n", meetings.riskSummaryLines(meetingId)));
        }
    }

    /** C5: the agenda as the officer finalised it. */
    @Component("recordAgendaDelegate")
    static class RecordAgenda implements JavaDelegate {

        private final MeetingService meetings;

        RecordAgenda(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            meetings.sendAgenda(ProcessVariables.id(execution, "meetingId"),
                    FormValues.text(execution.getVariable("agenda")));
        }
    }

    /**
     * C5: minutes, and the actions with owner and target date that make the improvement plan (C7). The provider
     * writes the plan from every open action of the service, older ones included.
     */
    @Component("registerMinutesDelegate")
    static class RegisterMinutes implements JavaDelegate {

        /** C7, X1 Decision: the written plan is due 2 weeks after the minutes (and after each return). */
        static final int PLAN_DUE_DAYS = 14;

        private final MeetingService meetings;
        private final CareProperties properties;
        private final Clock clock;

        RegisterMinutes(MeetingService meetings, CareProperties properties, Clock clock) {
            this.meetings = meetings;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long meetingId = ProcessVariables.id(execution, "meetingId");
            List<ImprovementAction> actions = meetings.recordMinutes(meetingId,
                    FormValues.date(execution.getVariable("heldOn"), "C5", "The date the meeting was held"),
                    FormValues.text(execution.getVariable("minutes")),
                    FormValues.text(execution.getVariable("actions")));
            execution.setVariable("actionsAgreed", actions.size());
            List<String> open = meetings.openActionLines(meetings.get(meetingId).getService().getId());
            execution.setVariable("openActionCount", open.size());
            execution.setVariable("openActions", String.join("\n", open));
            execution.setVariable("improvementPlanDueAt",
                    ProcessDates.endOfDay(LocalDate.now(clock).plusDays(PLAN_DUE_DAYS), properties.zone()));
        }
    }

    /** C7: the provider's written improvement plan (first or revised); the officer agrees it within 5 working days. */
    @Component("recordImprovementPlanDelegate")
    static class RecordImprovementPlan implements JavaDelegate {

        /** C7, X1: the purchasing officer agrees or returns the plan within 5 working days. */
        static final int AGREEMENT_WORKING_DAYS = 5;

        private final ImprovementPlan plan;
        private final WorkingDayCalendar calendar;
        private final CareProperties properties;
        private final Clock clock;

        RecordImprovementPlan(ImprovementPlan plan, WorkingDayCalendar calendar, CareProperties properties,
                Clock clock) {
            this.plan = plan;
            this.calendar = calendar;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            plan.write(ProcessVariables.id(execution, "meetingId"),
                    FormValues.text(execution.getVariable("improvementPlan")), CurrentUser.of(execution));
            execution.setVariable("planAgreementDueAt", ProcessDates.endOfDay(
                    calendar.plusWorkingDays(LocalDate.now(clock), AGREEMENT_WORKING_DAYS), properties.zone()));
            // the officer's form starts without the previous round's decision; the comments stay on the plan record
            execution.removeVariable("planDecision");
            execution.removeVariable("planAgreed");
            execution.removeVariable("planReviewComments");
        }
    }

    /**
     * C7: the purchasing officer agrees the plan, or returns it to the provider with what to change; a returned plan
     * is due again 2 weeks later (X1), as the first one was after the minutes.
     */
    @Component("recordPlanAgreementDelegate")
    static class RecordPlanAgreement implements JavaDelegate {

        private final ImprovementPlan plan;
        private final CareProperties properties;
        private final Clock clock;

        RecordPlanAgreement(ImprovementPlan plan, CareProperties properties, Clock clock) {
            this.plan = plan;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String choice = FormValues.text(execution.getVariable("planDecision"));
            if (!"agree".equals(choice) && !"revise".equals(choice)) {
                throw new BusinessRuleViolation("C7", "Agree the improvement plan or send it back to the provider"
                        + " to revise.");
            }
            boolean agreed = "agree".equals(choice);
            plan.agree(ProcessVariables.id(execution, "meetingId"), CurrentUser.of(execution), agreed,
                    FormValues.text(execution.getVariable("planReviewComments")));
            execution.setVariable("planAgreed", agreed);
            if (!agreed) {
                execution.setVariable("improvementPlanDueAt", ProcessDates.endOfDay(
                        LocalDate.now(clock).plusDays(RegisterMinutes.PLAN_DUE_DAYS), properties.zone()));
            }
        }
    }

    /** C1, C6: the new priority level; the next meeting is due after the cmm-frequency table's interval. */
    @Component("applyPriorityDelegate")
    static class ApplyPriority implements JavaDelegate {

        private final MeetingService meetings;

        ApplyPriority(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PriorityLevel level = PriorityLevel.parse(FormValues.text(execution.getVariable("newPriorityLevel")));
            Object months = execution.getVariable("monthsBetweenMeetings");
            Meeting meeting = meetings.reassignPriority(ProcessVariables.id(execution, "meetingId"), level,
                    FormValues.text(execution.getVariable("priorityReason")),
                    FormValues.flag(execution.getVariable("unannouncedAudits")),
                    months instanceof Number n ? n.intValue() : 0);
            execution.setVariable("movedToRed", level == PriorityLevel.RED && meeting.getPriorityBefore() != PriorityLevel.RED);
            execution.setVariable("nextMeetingDue", meeting.getService().getNextMeetingDue().toString());
            execution.setVariable("nextMeetingDueText", DisplayDates.date(meeting.getService().getNextMeetingDue()));
            execution.setVariable("priorityLevel", level.name());
        }
    }

    /** C6: the contracts manager's default-notice decision for a service moving to RED. */
    @Component("recordDefaultNoticeDecisionDelegate")
    static class RecordDefaultNoticeDecision implements JavaDelegate {

        private final MeetingService meetings;

        RecordDefaultNoticeDecision(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String choice = FormValues.text(execution.getVariable("issueDefaultNotice"));
            meetings.decideDefaultNotice(ProcessVariables.id(execution, "meetingId"), "yes".equals(choice),
                    FormValues.text(execution.getVariable("defaultNoticeReason")));
        }
    }

    /** C8: the provider's survey answers. */
    @Component("recordFeedbackDelegate")
    static class RecordFeedback implements JavaDelegate {

        private final MeetingService meetings;

        RecordFeedback(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            meetings.recordFeedback(ProcessVariables.id(execution, "meetingId"),
                    org.carecommissioning.shared.CurrentUser.of(execution),
                    FormValues.integer(execution.getVariable("preparationRating"), "C8", "The preparation rating"),
                    FormValues.integer(execution.getVariable("conductRating"), "C8", "The conduct rating"),
                    FormValues.integer(execution.getVariable("usefulnessRating"), "C8", "The usefulness rating"),
                    FormValues.text(execution.getVariable("feedbackComments")));
        }
    }

    /** C8: no survey answer in time; the meeting is closed all the same. */
    @Component("closeMeetingDelegate")
    static class CloseMeeting implements JavaDelegate {

        private final MeetingService meetings;

        CloseMeeting(MeetingService meetings) {
            this.meetings = meetings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            meetings.close(ProcessVariables.id(execution, "meetingId"));
        }
    }

}
