package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.SystemAuthority;
import org.carecommissioning.shared.WorkingDayCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * U4: adverse feedback and safeguarding concerns from a consultation's answers. An adverse comment the participant
 * wants raised as a complaint (anonymously, or by name through their consent reference) and any health, safety,
 * abuse or wellbeing concern each become a {@link ConsultationConcern} and start one consultation-escalation process:
 * a safeguarding concern is due the same working day with the SP manager or head of contracts and is e-mailed at
 * once; a complaint goes to the contracts manager (ConsultationDeadlines). A comment the participant does not want
 * raised is not kept. Every refusal is a {@link BusinessRuleViolation} and writes nothing.
 */
@Service
public class ConsultationConcerns {

    private final Consultations consultations;
    private final ConsultationConcernRepository concerns;
    private final AnswerSetRepository answerSets;
    private final ConsultationDeadlines deadlines;
    private final WorkingDayCalendar calendar;
    private final RuntimeService runtimeService;
    private final SystemAuthority system;
    private final Clock clock;

    ConsultationConcerns(Consultations consultations, ConsultationConcernRepository concerns,
            AnswerSetRepository answerSets, ConsultationDeadlines deadlines, WorkingDayCalendar calendar,
            RuntimeService runtimeService, SystemAuthority system, Clock clock) {
        this.consultations = consultations;
        this.concerns = concerns;
        this.answerSets = answerSets;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
    }

    /** U4: what the officer flags for one recorded answer set. */
    public record Flagged(String consentReference, String adverseComment, ComplaintChoice complaint,
            String safeguardingConcern) {
    }

    /**
     * U4: records the complaint and the safeguarding concern flagged for the answers of consultation
     * {@code reference} (the answer set given by its consent reference, needed for a complaint by name) and starts
     * their escalations; returns the concerns created (none when the participant wants no complaint raised).
     */
    @Transactional
    public List<ConsultationConcern> raise(String reference, Flagged flagged, String officerUserId) {
        Consultation consultation = consultations.get(reference);
        String comment = FormValues.limited(FormValues.text(flagged.adverseComment()), ConsultationLimits.CONCERN,
                "U4", "The adverse comment");
        String safeguarding = FormValues.limited(FormValues.text(flagged.safeguardingConcern()),
                ConsultationLimits.CONCERN, "U4", "The safeguarding concern");
        ComplaintChoice choice = flagged.complaint();
        if (comment == null && safeguarding == null) {
            throw new BusinessRuleViolation("U4", "Record the adverse comment with whether the participant wants it"
                    + " raised as a complaint, or the health, safety, abuse or wellbeing concern.");
        }
        if (comment != null && choice == null) {
            throw new BusinessRuleViolation("U4", "Say whether the participant wants the adverse comment raised as a"
                    + " complaint: NONE, ANONYMOUS or NAMED.");
        }
        if (comment == null && choice != null && choice != ComplaintChoice.NONE) {
            throw new BusinessRuleViolation("U4", "Record the adverse comment to raise as a complaint.");
        }
        String consentRef = answeredConsent(consultation, flagged.consentReference());
        if (choice == ComplaintChoice.NAMED && consentRef == null) {
            throw new BusinessRuleViolation("U4", "A complaint by name needs the participant's consent reference; the"
                    + " name stays on their consent record.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        long earlier = concerns.countByConsultationId(consultation.getId());
        List<ConsultationConcern> raised = new ArrayList<>();
        if (safeguarding != null) {
            raised.add(concerns.save(new ConsultationConcern(reference + "-E" + (++earlier), consultation.getId(),
                    ConcernKind.SAFEGUARDING, null, consentRef, safeguarding, officerUserId, now,
                    deadlines.safeguardingDueOn(today, calendar))));
        }
        if (choice == ComplaintChoice.ANONYMOUS || choice == ComplaintChoice.NAMED) {
            raised.add(concerns.save(new ConsultationConcern(reference + "-E" + (++earlier), consultation.getId(),
                    ConcernKind.COMPLAINT, choice, choice == ComplaintChoice.NAMED ? consentRef : null, comment,
                    officerUserId, now, deadlines.complaintDueOn(today, calendar))));
        }
        // the application starts escalations, not the officer: no one is granted to start one from Tasklist
        for (ConsultationConcern concern : raised) {
            system.run(() -> runtimeService.startProcessInstanceByKey(EscalationVariables.PROCESS_KEY,
                    concern.getReference(), EscalationVariables.start(concern, reference,
                            deadlines.dueAt(concern.getDueOn()))));
        }
        return raised;
    }

    /**
     * U4: what was done about a concern, from its escalation task's form: for a safeguarding concern the action taken
     * (null when none was chosen), the account of it and the day it was taken; for a complaint the complaints
     * procedure's reference and the day it was handed over (the action is implied).
     */
    public record Outcome(ConcernOutcome action, String note, LocalDate actedOn, String complaintCaseReference) {
    }

    /**
     * U4: closes concern {@code concernReference} with its outcome, recorded by {@code userId}. Refused (400, nothing
     * written) when it is already closed, a safeguarding action is missing, "no further action" has no reason, the
     * account or the case reference is too long, a complaint has no case reference, or the date is missing, in the
     * future or before the concern was raised.
     */
    @Transactional
    public ConsultationConcern recordOutcome(String concernReference, Outcome outcome, String userId) {
        ConsultationConcern concern = get(concernReference);
        if (concern.isClosed()) {
            throw new BusinessRuleViolation("U4", "Concern " + concernReference + " is already closed ("
                    + concern.getOutcome() + " on " + concern.getActedOn() + ").");
        }
        String note = FormValues.limited(FormValues.text(outcome.note()), ConsultationLimits.OUTCOME_NOTE, "U4",
                "The account of what was done");
        boolean safeguarding = concern.getKind() == ConcernKind.SAFEGUARDING;
        ConcernOutcome action = safeguarding ? outcome.action() : ConcernOutcome.HANDED_TO_COMPLAINTS_PROCEDURE;
        if (action == null || action.kind() != concern.getKind()) {
            throw new BusinessRuleViolation("U4", "Choose the action taken on the safeguarding concern: referred to"
                    + " the adult safeguarding team, reported to the police, provider asked to act and report back, or"
                    + " no further action.");
        }
        if (action == ConcernOutcome.NO_FURTHER_ACTION && note == null) {
            throw new BusinessRuleViolation("U4", "Say why no further action is taken on safeguarding concern "
                    + concernReference + ".");
        }
        String caseReference = safeguarding ? null : FormValues.limited(FormValues.text(
                outcome.complaintCaseReference()), ConsultationLimits.COMPLAINT_CASE_REFERENCE, "U4",
                "The complaints procedure's reference");
        if (!safeguarding && caseReference == null) {
            throw new BusinessRuleViolation("U4", "Give the complaints procedure's reference for complaint "
                    + concernReference + ".");
        }
        String dateLabel = safeguarding ? "The date the action was taken" : "The date the complaint was handed over";
        LocalDate actedOn = FormValues.plausibleDate(outcome.actedOn(), "U4", dateLabel);
        LocalDateTime now = LocalDateTime.now(clock);
        if (actedOn == null) {
            throw new BusinessRuleViolation("U4", dateLabel + " is missing.");
        }
        if (actedOn.isAfter(now.toLocalDate())) {
            throw new BusinessRuleViolation("U4", dateLabel + " (" + actedOn + ") is in the future.");
        }
        if (actedOn.isBefore(concern.getRaisedAt().toLocalDate())) {
            throw new BusinessRuleViolation("U4", dateLabel + " (" + actedOn + ") is before the concern was raised on "
                    + concern.getRaisedAt().toLocalDate() + ".");
        }
        concern.close(action, note, actedOn, caseReference, userId, now);
        return concern;
    }

    /** U4: one concern by its reference, like SUC-SP101-2027-E1. */
    @Transactional(readOnly = true)
    public ConsultationConcern get(String concernReference) {
        return concerns.findByReference(concernReference).orElseThrow(() -> new BusinessRuleViolation("U4",
                "There is no consultation concern " + concernReference + "."));
    }

    /** U4: the consent reference of an answer set recorded for the consultation, or null when none is given. */
    private String answeredConsent(Consultation consultation, String consentReference) {
        String consentRef = FormValues.text(consentReference);
        if (consentRef == null) {
            return null;
        }
        String upper = consentRef.toUpperCase();
        boolean answered = answerSets.findByConsentReference(upper).stream()
                .anyMatch(set -> Objects.equals(set.getConsultationId(), consultation.getId()));
        if (!answered) {
            throw new BusinessRuleViolation("U4", "No answers are recorded for consent " + consentRef + " in "
                    + consultation.getReference() + "; flag a concern for a recorded answer set.");
        }
        return upper;
    }
}
