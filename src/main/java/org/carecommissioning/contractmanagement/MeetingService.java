package org.carecommissioning.contractmanagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.carecommissioning.contractmanagement.ComplianceChecklist.Clause;
import org.carecommissioning.contractmanagement.ComplianceRiskAssessor.RiskAnswers;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A contract management meeting from its set-up letter to its outcome (C2-C6, C8). */
@Service
public class MeetingService {

    private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Set<String> DISRUPTION = Set.of("none", "minor", "noticeable");
    private static final Set<String> SERVICE = Set.of("none", "possible", "loss");
    private static final Set<String> USERS = Set.of("none", "some", "health-and-safety");
    private static final Set<String> REPUTATION = Set.of("none", "minimal", "damage");
    private static final Set<String> FINANCE = Set.of("none", "low", "significant");

    private final MeetingRepository meetings;
    private final ComplianceClauseRepository clauses;
    private final ImprovementActionRepository actions;
    private final ProviderFeedbackRepository feedback;
    private final ContractServices services;
    private final ComplianceRiskAssessor riskAssessor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeetingService(MeetingRepository meetings, ComplianceClauseRepository clauses, ImprovementActionRepository actions,
            ProviderFeedbackRepository feedback, ContractServices services, ComplianceRiskAssessor riskAssessor,
            Clock clock, ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.clauses = clauses;
        this.actions = actions;
        this.feedback = feedback;
        this.services = services;
        this.riskAssessor = riskAssessor;
        this.clock = clock;
        this.events = events;
    }

    /** C2: plans a meeting at least 4 weeks ahead, one planned meeting per service at a time. */
    @Transactional
    public Meeting plan(String serviceCode, LocalDate meetingDate, String userId) {
        ContractedService service = services.byCode(serviceCode);
        requireNotice(meetingDate, LocalDate.now(clock));
        if (meetings.existsByServiceIdAndStatus(service.getId(), MeetingStatus.PLANNED)) {
            throw new BusinessRuleViolation("C2", "Service " + serviceCode + " already has a meeting planned.");
        }
        String reference = "CMM-" + service.getServiceCode() + "-" + REFERENCE_DATE.format(meetingDate);
        Meeting meeting = meetings.save(new Meeting(reference, service, meetingDate, userId, LocalDateTime.now(clock)));
        events.publishEvent(new NextMeetingDateSet(service.getServiceCode(), meetingDate, true));
        return meeting;
    }

    /** C2: a meeting date given at least 4 weeks' notice from today; refused with the earliest date otherwise. */
    static void requireNotice(LocalDate meetingDate, LocalDate today) {
        if (meetingDate == null) {
            throw new BusinessRuleViolation("C2", "Give the date of the meeting.");
        }
        LocalDate earliest = MeetingDeadlines.earliestMeetingDate(today);
        if (meetingDate.isBefore(earliest)) {
            throw new BusinessRuleViolation("C2", "The provider must be told at least 4 weeks before the meeting;"
                    + " choose a date on or after " + earliest + ".");
        }
    }

    /**
     * C3: records the desk-top review of every checklist clause; each clause's risk comes from the
     * compliance-risk-level table. A Medium or High clause must say why.
     *
     * @return the codes of the Medium and High clauses, for the contracts manager
     */
    @Transactional
    public List<String> recordInternalAudit(Long meetingId, Map<String, Object> answers) {
        Meeting meeting = get(meetingId);
        if (!clauses.findByMeetingIdOrderById(meetingId).isEmpty()) {
            throw new BusinessRuleViolation("C3", "The internal compliance audit of " + meeting.getReference()
                    + " has already been recorded.");
        }
        List<String> concerns = new ArrayList<>();
        for (Clause clause : ComplianceChecklist.CLAUSES) {
            String code = clause.code();
            RiskLevel risk = riskAssessor.assess(new RiskAnswers(
                    choice(answers, code + "InternalDisruption", DISRUPTION, clause),
                    choice(answers, code + "ServiceDisruption", SERVICE, clause),
                    choice(answers, code + "ServiceUserImpact", USERS, clause),
                    choice(answers, code + "ReputationDamage", REPUTATION, clause),
                    choice(answers, code + "FinancialImpact", FINANCE, clause),
                    !answers.containsKey(code + "Complied") || FormValues.flag(answers.get(code + "Complied")),
                    FormValues.flag(answers.get(code + "DefaultNoticePossible"))));
            String comments = FormValues.text(answers.get(code + "Comments"));
            if (risk.isConcern() && comments == null) {
                throw new BusinessRuleViolation("C3", "\"" + clause.title() + "\" is " + risk
                        + " risk: write the comments that explain it.");
            }
            clauses.save(new ComplianceClause(meetingId, code, clause.title(), comments, risk));
            if (risk.isConcern()) {
                concerns.add(code);
            }
        }
        return concerns;
    }

    /**
     * C3: the desk-top review (as {@link #recordInternalAudit}) with what the process shows of it: the Medium and
     * High clauses, the risk summary and each clause's risk.
     */
    @Transactional
    public RiskAssessment assessRisks(Long meetingId, Map<String, Object> answers) {
        List<String> concerns = recordInternalAudit(meetingId, answers);
        Map<String, RiskLevel> risks = new LinkedHashMap<>();
        for (ComplianceClause clause : clausesOf(meetingId)) {
            risks.put(clause.getClauseCode(), clause.getRiskLevel());
        }
        return new RiskAssessment(concerns, riskSummaryLines(meetingId), risks);
    }

    /** C3: the contracts manager's note on one Medium or High clause. */
    @Transactional
    public void noteClause(Long meetingId, String clauseCode, String note) {
        clause(meetingId, clauseCode).noteByManager(FormValues.text(note));
    }

    /** C4: whether a compliance audit with the provider is held, and whom it involves. */
    @Transactional
    public Meeting decideAudit(Long meetingId, boolean hold, List<String> involves, String reason) {
        Meeting meeting = get(meetingId);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("C4", "Record the reason for the decision (if there is no audit or no"
                    + " consultation, justify why).");
        }
        meeting.decideAudit(hold, hold ? String.join(", ", involves) + (involves.isEmpty() ? "" : "; ") + reason.trim()
                : reason.trim());
        return meeting;
    }

    /**
     * C4: the contracts manager's decision form: whether to hold an audit with the provider and whom it involves
     * (service users, staff, stakeholders with their contact); nobody is involved in an audit not held.
     */
    @Transactional
    public Meeting decideAudit(Long meetingId, AuditDecision decision) {
        List<String> involves = new ArrayList<>();
        if (decision.hold() && decision.serviceUsers()) {
            involves.add("service users");
        }
        if (decision.hold() && decision.staff()) {
            involves.add("staff");
        }
        if (decision.hold() && decision.stakeholders()) {
            String contact = decision.stakeholderContact();
            involves.add("stakeholders" + (contact == null ? "" : " (" + contact + ")"));
        }
        return decideAudit(meetingId, decision.hold(), involves, decision.reason());
    }

    /** C4: the revised risks (as {@link #recordProviderAudit}) with the risk summary after them. */
    @Transactional
    public RevisedRisks reviseRisks(Long meetingId, List<String> concernCodes, Map<String, Object> answers) {
        List<String> escalated = recordProviderAudit(meetingId, concernCodes, answers);
        return new RevisedRisks(escalated, riskSummaryLines(meetingId));
    }

    /**
     * C4: after the audit with the provider each concern clause gets evidence and a revised risk.
     *
     * @return the titles of the clauses that moved from Medium to High, to report to the CSG
     */
    @Transactional
    public List<String> recordProviderAudit(Long meetingId, List<String> concernCodes, Map<String, Object> answers) {
        List<String> escalated = new ArrayList<>();
        for (String code : concernCodes) {
            ComplianceClause clause = clause(meetingId, code);
            String evidence = FormValues.text(answers.get(code + "Evidence"));
            if (evidence == null) {
                throw new BusinessRuleViolation("C4", "Summarise what was evidenced for \"" + clause.getClauseTitle()
                        + "\".");
            }
            clause.revise(evidence, RiskLevel.parse(FormValues.text(answers.get(code + "RevisedRisk")),
                    clause.getClauseTitle()));
            if (clause.movedFromMediumToHigh()) {
                escalated.add(clause.getClauseTitle());
            }
        }
        return escalated;
    }

    /** C5, C7: the standard agenda, with the concerns and the improvement plan's open actions. */
    @Transactional(readOnly = true)
    public String standardAgenda(Long meetingId) {
        Meeting meeting = get(meetingId);
        StringBuilder agenda = new StringBuilder()
                .append("Contract management meeting ").append(meeting.getReference()).append(" on ")
                .append(meeting.getMeetingDate()).append("\n")
                .append("1. Updates on service information (management structure, ownership, proposed mergers)\n")
                .append("2. Feedback on internal complaints and resolution\n")
                .append("3. Added value\n")
                .append("4. Staffing (training and recruitment)\n")
                .append("5. Audits and inspections by external accreditation organisations\n")
                .append("6. Service outcomes and performance (rolling 12 months)\n")
                .append("7. Areas of concern (High and Medium risk)\n");
        riskSummaryLines(meetingId).forEach(line -> agenda.append("   - ").append(line).append("\n"));
        agenda.append("8. Improvement plan: open actions\n");
        openActionLines(meeting.getService().getId()).forEach(line -> agenda.append("   - ").append(line).append("\n"));
        agenda.append("9. Any other business");
        return agenda.toString();
    }

    /** C5, C7: the draft agenda the officer finalises, with the open actions and the concerns beside it. */
    @Transactional(readOnly = true)
    public AgendaDraft draftAgenda(Long meetingId) {
        Meeting meeting = get(meetingId);
        return new AgendaDraft(standardAgenda(meetingId), openActionLines(meeting.getService().getId()),
                riskSummaryLines(meetingId));
    }

    /** C5: the agenda as sent to the provider. */
    @Transactional
    public Meeting sendAgenda(Long meetingId, String agenda) {
        if (agenda == null || agenda.isBlank()) {
            throw new BusinessRuleViolation("C5", "The agenda is empty.");
        }
        Meeting meeting = get(meetingId);
        meeting.sendAgenda(agenda.trim(), LocalDateTime.now(clock));
        return meeting;
    }

    /**
     * C5: the minutes and the actions agreed, one per line as "what | owner | target date". Every action needs an
     * owner and a target date; nothing is recorded unless every line is right.
     */
    @Transactional
    public List<ImprovementAction> recordMinutes(Long meetingId, LocalDate heldOn, String minutes, String actionLines) {
        Meeting meeting = get(meetingId);
        if (heldOn == null) {
            throw new BusinessRuleViolation("C5", "Give the date the meeting was held.");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("C5", "The date held, " + heldOn + ", is in the future: record the minutes"
                    + " on or after the meeting day.");
        }
        if (minutes == null || minutes.isBlank()) {
            throw new BusinessRuleViolation("C5", "Write the minutes of the meeting.");
        }
        List<ImprovementAction> agreed = new ArrayList<>();
        String[] lines = actionLines == null ? new String[0] : actionLines.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                agreed.add(parseAction(meeting, heldOn, lines[i], i + 1));
            }
        }
        meeting.hold(heldOn, minutes.trim());
        return actions.saveAll(agreed);
    }

    /**
     * C5, C7: the minutes and actions (as {@link #recordMinutes}); the provider writes the improvement plan from
     * every open action of the service, older ones included.
     */
    @Transactional
    public MinutesRecorded registerMinutes(Long meetingId, LocalDate heldOn, String minutes, String actionLines) {
        List<ImprovementAction> agreed = recordMinutes(meetingId, heldOn, minutes, actionLines);
        return new MinutesRecorded(agreed.size(), openActionLines(get(meetingId).getService().getId()));
    }

    private ImprovementAction parseAction(Meeting meeting, LocalDate heldOn, String line, int number) {
        String[] parts = line.split("\\|");
        String what = parts.length > 0 ? parts[0].trim() : "";
        String owner = parts.length > 1 ? parts[1].trim() : "";
        String date = parts.length > 2 ? parts[2].trim() : "";
        if (parts.length != 3 || what.isEmpty()) {
            throw new BusinessRuleViolation("C5", "Action line " + number + " must read: what | owner | target date"
                    + " (yyyy-mm-dd).");
        }
        if (owner.isEmpty()) {
            throw new BusinessRuleViolation("C5", "Action line " + number + " (\"" + what + "\") has no owner.");
        }
        LocalDate target;
        try {
            target = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation("C5", "Action line " + number + " (\"" + what + "\") needs a target date"
                    + " like 2027-03-31.");
        }
        if (target.isBefore(heldOn)) {
            throw new BusinessRuleViolation("C5", "Action line " + number + " (\"" + what + "\") has a target date"
                    + " before the meeting.");
        }
        return new ImprovementAction(meeting.getService().getId(), meeting.getId(), what, owner, target);
    }

    /**
     * C1, C6: the priority level reassigned after the meeting, with the reason; the next meeting is due after
     * the interval the cmm-frequency table gives for the new level.
     */
    @Transactional
    public Meeting reassignPriority(Long meetingId, PriorityLevel level, String reason, boolean unannouncedAudits,
            int monthsToNextMeeting) {
        Meeting meeting = get(meetingId);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("C6", "Record the reason for the priority level.");
        }
        if (monthsToNextMeeting <= 0) {
            throw new IllegalStateException("The cmm-frequency table gave no interval for " + level);
        }
        LocalDate from = meeting.getHeldOn() != null ? meeting.getHeldOn() : meeting.getMeetingDate();
        meeting.reprioritise(level, reason.trim(), level == PriorityLevel.RED && unannouncedAudits);
        meeting.getService().reprioritise(level, from.plusMonths(monthsToNextMeeting));
        return meeting;
    }

    /** C6: a service moving to RED is considered for a default notice. */
    @Transactional
    public Meeting decideDefaultNotice(Long meetingId, boolean issue, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("C6", "Record the reason for the default-notice decision.");
        }
        Meeting meeting = get(meetingId);
        meeting.decideDefaultNotice((issue ? "Default notice to be issued: " : "No default notice: ") + reason.trim());
        return meeting;
    }

    /** C8: the provider's answers to the survey on the meeting process. */
    @Transactional
    public void recordFeedback(Long meetingId, String userId, Integer preparation, Integer conduct, Integer usefulness,
            String comments) {
        for (Integer rating : new Integer[] {preparation, conduct, usefulness}) {
            if (rating == null || rating < 1 || rating > 5) {
                throw new BusinessRuleViolation("C8", "Give every rating from 1 (poor) to 5 (excellent).");
            }
        }
        if (feedback.existsByMeetingId(meetingId)) {
            throw new BusinessRuleViolation("C8", "Feedback on this meeting has already been given.");
        }
        get(meetingId).close();
        feedback.save(new ProviderFeedback(meetingId, userId, preparation, conduct, usefulness,
                FormValues.text(comments), LocalDateTime.now(clock)));
    }

    @Transactional
    public void close(Long meetingId) {
        get(meetingId).close();
    }

    /** C3, C4: one line per Medium or High clause, for the agenda and the contracts manager. */
    @Transactional(readOnly = true)
    public List<String> riskSummaryLines(Long meetingId) {
        return clauses.findByMeetingIdOrderById(meetingId).stream()
                .filter(c -> c.currentRisk().isConcern())
                .map(c -> c.currentRisk() + ": " + c.getClauseTitle()
                        + (c.getComments() == null ? "" : " (" + c.getComments() + ")"))
                .toList();
    }

    /** C7: the improvement plan's open actions, for the agenda. */
    @Transactional(readOnly = true)
    public List<String> openActionLines(Long serviceId) {
        return actions.findByServiceIdAndStatusOrderByTargetDate(serviceId, ActionStatus.OPEN).stream()
                .map(a -> a.getDescription() + " | " + a.getOwner() + " | " + a.getTargetDate()
                        + (a.getProgressNote() == null ? "" : " | progress: " + a.getProgressNote()))
                .collect(Collectors.toList());
    }

    @Transactional(readOnly = true)
    public List<ComplianceClause> clausesOf(Long meetingId) {
        return clauses.findByMeetingIdOrderById(meetingId);
    }

    @Transactional(readOnly = true)
    public ComplianceClause clause(Long meetingId, String code) {
        return clauses.findByMeetingIdAndClauseCode(meetingId, code)
                .orElseThrow(() -> new NotFound("No clause " + code + " in meeting " + meetingId + "."));
    }

    @Transactional(readOnly = true)
    public Meeting get(Long meetingId) {
        return meetings.findById(meetingId).orElseThrow(() -> new NotFound("No meeting with id " + meetingId + "."));
    }

    private static String choice(Map<String, Object> answers, String key, Set<String> allowed, Clause clause) {
        String value = FormValues.text(answers.get(key));
        if (value == null) {
            return "none";
        }
        if (!allowed.contains(value)) {
            throw new BusinessRuleViolation("C3", "\"" + value + "\" is not an answer for \"" + clause.title()
                    + "\"; choose one of " + allowed + ".");
        }
        return value;
    }

    /** C4: the contracts manager's decision on an audit with the provider, as the form gives it. */
    public record AuditDecision(boolean hold, boolean serviceUsers, boolean staff, boolean stakeholders,
            String stakeholderContact, String reason) {
    }

    /** C3: the Medium and High clause codes, the risk summary lines and every clause's risk. */
    public record RiskAssessment(List<String> concerns, List<String> riskSummary, Map<String, RiskLevel> risks) {
    }

    /** C4: the titles of the clauses that moved from Medium to High, and the risk summary after the audit. */
    public record RevisedRisks(List<String> escalated, List<String> riskSummary) {
    }

    /** C5: the standard agenda, the open improvement actions and the risk summary. */
    public record AgendaDraft(String agenda, List<String> openActions, List<String> riskSummary) {
    }

    /** C5, C7: how many actions the meeting agreed, and every open action of the service now. */
    public record MinutesRecorded(int actionsAgreed, List<String> openActions) {
    }
}
