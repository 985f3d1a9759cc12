package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C7: from the meeting's actions the provider writes an improvement plan, which is formally agreed with the
 * commissioning team (or returned with what to change) and reviewed at every meeting. The plan is live: the
 * provider records progress on each open action, and an action may be closed at any time, without waiting for
 * the next meeting, once the service's purchasing officer has validated it.
 */
@Service
public class ImprovementPlan {

    /** The size of the plan's column; the Tasklist form holds at most 4000 characters (a process variable). */
    static final int MAX_PLAN_LENGTH = 16000;
    static final int MAX_COMMENTS_LENGTH = 4000;
    static final int MAX_PROGRESS_LENGTH = 2000;

    private final ImprovementActionRepository actions;
    private final ImprovementPlanDocumentRepository plans;
    private final MeetingRepository meetings;
    private final ContractServices services;
    private final Clock clock;

    ImprovementPlan(ImprovementActionRepository actions, ImprovementPlanDocumentRepository plans,
            MeetingRepository meetings, ContractServices services, Clock clock) {
        this.actions = actions;
        this.plans = plans;
        this.meetings = meetings;
        this.services = services;
        this.clock = clock;
    }

    /** C7: the service's open actions, each with the provider's latest progress note. */
    @Transactional(readOnly = true)
    public List<ImprovementAction> openActions(String serviceCode) {
        return actions.findByServiceIdAndStatusOrderByTargetDate(services.byCode(serviceCode).getId(), ActionStatus.OPEN);
    }

    @Transactional(readOnly = true)
    public ImprovementAction action(Long actionId) {
        return actions.findById(actionId)
                .orElseThrow(() -> new NotFound("No improvement action with id " + actionId + "."));
    }

    /** C7: the written plan of a meeting, if the provider has written one. */
    @Transactional(readOnly = true)
    public Optional<ImprovementPlanDocument> planOf(Long meetingId) {
        return plans.findByMeetingId(meetingId);
    }

    /**
     * C7: the provider's written plan for the meeting. A plan returned by the purchasing officer is revised in the
     * same record and waits for agreement again.
     */
    @Transactional
    public ImprovementPlanDocument write(Long meetingId, String planText, String userId) {
        Meeting meeting = meetings.findById(meetingId)
                .orElseThrow(() -> new NotFound("No meeting with id " + meetingId + "."));
        if (meeting.getHeldOn() == null) {
            throw new BusinessRuleViolation("C7", "The improvement plan is written from the actions of the meeting;"
                    + " the minutes of " + meeting.getReference() + " are not recorded yet.");
        }
        String text = planText == null ? "" : planText.trim();
        if (text.isEmpty()) {
            throw new BusinessRuleViolation("C7", "Write the improvement plan: what the provider will do about each"
                    + " open action, and by when.");
        }
        if (text.length() > MAX_PLAN_LENGTH) {
            throw new BusinessRuleViolation("C7", "The improvement plan is " + text.length() + " characters long;"
                    + " keep it within " + MAX_PLAN_LENGTH + ".");
        }
        Optional<ImprovementPlanDocument> existing = plans.findByMeetingId(meetingId);
        if (existing.isPresent() && existing.get().getStatus() == ImprovementPlanDocument.Status.AGREED) {
            throw new BusinessRuleViolation("C7", "The improvement plan of " + meeting.getReference()
                    + " was already agreed on " + existing.get().getAgreedOn() + ".");
        }
        if (existing.isPresent() && existing.get().getStatus() == ImprovementPlanDocument.Status.SUBMITTED) {
            throw new BusinessRuleViolation("C7", "The improvement plan of " + meeting.getReference()
                    + " is waiting for the purchasing officer's agreement.");
        }
        ImprovementPlanDocument plan = existing
                .orElseGet(() -> new ImprovementPlanDocument(meetingId, meeting.getService().getId()));
        plan.submit(text, userId, LocalDateTime.now(clock));
        return plans.save(plan);
    }

    /**
     * C7: the officer's decision on the plan in the meeting's process (as {@link #agree}).
     *
     * @return whether the plan is agreed; a returned plan is written again by the provider
     */
    @Transactional
    public boolean decide(Long meetingId, String officer, PlanAgreement decision, String comments) {
        agree(meetingId, officer, decision.agreed(), comments);
        return decision.agreed();
    }

    /**
     * C7: the service's purchasing officer (or a contracts manager) formally agrees the plan, or returns it to the
     * provider with comments that say what to change.
     */
    @Transactional
    public ImprovementPlanDocument agree(Long meetingId, String officer, boolean agreed, String comments) {
        ImprovementPlanDocument plan = plans.findByMeetingId(meetingId)
                .orElseThrow(() -> new BusinessRuleViolation("C7", "The provider has not written an improvement plan"
                        + " for this meeting yet."));
        if (plan.getStatus() != ImprovementPlanDocument.Status.SUBMITTED) {
            throw new BusinessRuleViolation("C7", "The improvement plan is " + plan.getStatus().name().toLowerCase()
                    + ", not waiting for agreement.");
        }
        ContractedService service = services.get(plan.getServiceId());
        if (!services.isOfficerOrContractsManager(officer, service)) {
            throw new BusinessRuleViolation("C7", "Only the purchasing officer of " + service.getServiceCode() + " ("
                    + service.getPurchasingOfficer() + ") or a contracts manager can agree its improvement plan.");
        }
        String text = comments == null || comments.isBlank() ? null : comments.trim();
        if (!agreed && text == null) {
            throw new BusinessRuleViolation("C7", "Say what the provider should change in the improvement plan"
                    + " before you send it back.");
        }
        if (text != null && text.length() > MAX_COMMENTS_LENGTH) {
            throw new BusinessRuleViolation("C7", "Keep the comments within " + MAX_COMMENTS_LENGTH + " characters.");
        }
        if (agreed) {
            plan.agree(officer, LocalDate.now(clock), text);
        } else {
            plan.returnToProvider(text);
        }
        return plan;
    }

    /** C7: the provider keeps the plan up to date with its progress on an open action. */
    @Transactional
    public ImprovementAction updateProgress(Long actionId, String note, String userId) {
        ImprovementAction action = action(actionId);
        if (action.getStatus() == ActionStatus.CLOSED) {
            throw new BusinessRuleViolation("C7", "This action was closed on " + action.getClosedOn()
                    + "; its progress can no longer change.");
        }
        String text = note == null ? "" : note.trim();
        if (text.isEmpty()) {
            throw new BusinessRuleViolation("C7", "Write the progress made on the action.");
        }
        if (text.length() > MAX_PROGRESS_LENGTH) {
            throw new BusinessRuleViolation("C7", "Keep the progress note within " + MAX_PROGRESS_LENGTH
                    + " characters.");
        }
        action.recordProgress(text, userId, LocalDateTime.now(clock));
        return action;
    }

    /** C7: the purchasing officer of the service validates the evidence and closes the action. */
    @Transactional
    public ImprovementAction validateAndClose(Long actionId, String officer, boolean isContractsManager, String evidence) {
        ImprovementAction action = action(actionId);
        if (action.getStatus() == ActionStatus.CLOSED) {
            throw new BusinessRuleViolation("C7", "This action was already closed on " + action.getClosedOn() + ".");
        }
        ContractedService service = services.get(action.getServiceId());
        if (!isContractsManager && !service.getPurchasingOfficer().equals(officer)) {
            throw new BusinessRuleViolation("C7", "Only the purchasing officer of " + service.getServiceCode() + " ("
                    + service.getPurchasingOfficer() + ") can validate its actions.");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new BusinessRuleViolation("C7", "Record the evidence that the action is complete.");
        }
        action.closeValidated(officer, evidence.trim(), LocalDate.now(clock));
        return action;
    }
}
