package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * U6: the consultation's report: the officer writes it (headline, text, whether it holds adverse comments or
 * complaints) into the consultation's row, never a process variable; the contracts manager approves it, and when it
 * is adverse the SP manager and the head of contracts approve it too, each decision recorded with who, which role,
 * when and which version; a revised report is approved again by every role it needs. The PDF the approvers read and
 * the provider receives is rendered from the row. Every refusal is a {@link BusinessRuleViolation} and writes nothing.
 */
@Service
public class ConsultationReports {

    /** U6: the roles that approve a report, with how a sentence names them. */
    private static final Map<String, String> APPROVERS = Map.of(Roles.CONTRACTS_MANAGER, "the contracts manager",
            Roles.SP_MANAGER, "the SP manager", Roles.HEAD_OF_CONTRACTS, "the head of contracts");

    private final Consultations consultations;
    private final ConsultationConcernRepository concerns;
    private final AnswerSetRepository answerSets;
    private final ConsultationReportApprovalRepository approvals;
    private final Clock clock;

    ConsultationReports(Consultations consultations, ConsultationConcernRepository concerns,
            AnswerSetRepository answerSets, ConsultationReportApprovalRepository approvals, Clock clock) {
        this.consultations = consultations;
        this.concerns = concerns;
        this.answerSets = answerSets;
        this.approvals = approvals;
        this.clock = clock;
    }

    /**
     * U6: the officer writes (or, when it was sent back, rewrites) the report: a headline of at most 200 characters
     * and a text of at most 4000, both required. It holds adverse comments or complaints when the officer says so or
     * when a complaint was raised in the consultation; the officer cannot clear that. Each writing is a new version,
     * which every required role approves.
     */
    @Transactional
    public Consultation writeReport(String reference, String headline, String text, boolean adverseSaid,
            String officerUserId) {
        Consultation consultation = underWay(reference);
        String title = FormValues.limited(FormValues.text(headline), ConsultationLimits.REPORT_HEADLINE, "U6",
                "The report's headline");
        if (title == null) {
            throw new BusinessRuleViolation("U6", "Give the report a headline, one line of at most "
                    + ConsultationLimits.REPORT_HEADLINE + " characters that names no one.");
        }
        String body = FormValues.limited(FormValues.text(text), ConsultationLimits.REPORT, "U6", "The report");
        if (body == null) {
            throw new BusinessRuleViolation("U6", "Write the report before it is approved and sent to the provider.");
        }
        consultation.reportWritten(title, body, adverseSaid || complaintRaised(consultation), officerUserId,
                LocalDateTime.now(clock));
        return consultation;
    }

    /**
     * U3, U5: the officer confirms the meetings: refused while no participant's signed consent and answers are
     * recorded; returns whether adverse comments were made (the officer says so, or a complaint was raised), so the
     * contracts manager decides on more interviews.
     */
    @Transactional(readOnly = true)
    public boolean meetingsHeld(String reference, boolean adverseSaid) {
        consultations.requireParticipantsRecorded(reference);
        return adverseSaid || complaintRaised(consultations.get(reference));
    }

    /** U4, U5, U6: whether a complaint was raised from the consultation's adverse feedback. */
    @Transactional(readOnly = true)
    public boolean complaintRaised(String reference) {
        return complaintRaised(consultations.get(reference));
    }

    /** U6: the roles that approve the consultation's current report: the contracts manager; all three when adverse. */
    public static List<String> approversOf(Consultation consultation) {
        return consultation.isReportAdverse()
                ? List.of(Roles.CONTRACTS_MANAGER, Roles.SP_MANAGER, Roles.HEAD_OF_CONTRACTS)
                : List.of(Roles.CONTRACTS_MANAGER);
    }

    /**
     * U6: records one approver's decision on the current report as {@code role}. Refused (fails closed) unless the
     * deciding user is in the role's group, when the report needs no approval by that role, when the role already
     * decided on this version, and before a report is written.
     */
    @Transactional
    public ConsultationReportApproval decide(String reference, String role, ReportDecision decision, String userId,
            List<String> groups) {
        Consultation consultation = underWay(reference);
        if (consultation.getReportVersion() == 0) {
            throw new BusinessRuleViolation("U6", "No report of " + reference + " is written yet; there is nothing to"
                    + " approve.");
        }
        String approver = APPROVERS.get(role);
        if (approver == null || !approversOf(consultation).contains(role)) {
            throw new BusinessRuleViolation("U6", "The report of " + reference + " is approved by "
                    + describe(approversOf(consultation)) + (consultation.isReportAdverse() ? ""
                    : ", as it holds no adverse comments or complaints") + "; not as " + role + ".");
        }
        if (userId == null || groups == null || !groups.contains(role)) {
            throw new BusinessRuleViolation("U6", "Only " + approver + " (role " + role + ") approves the report of "
                    + reference + " here; " + (userId == null ? "nobody is signed in" : userId + " does not have"
                    + " that role") + ".");
        }
        if (decision == null) {
            throw new BusinessRuleViolation("U6", "Choose to approve the report or to send it back to the officer.");
        }
        int version = consultation.getReportVersion();
        if (approvals.findByConsultationIdAndReportVersion(consultation.getId(), version).stream()
                .anyMatch(given -> given.getApproverRole().equals(role))) {
            throw new BusinessRuleViolation("U6", "This version of the report of " + reference + " is already decided"
                    + " by " + approver + ".");
        }
        // U6 asks for three approvers of an adverse report: one person holding two of the roles decides once
        Optional<ConsultationReportApproval> own = approvals.findByConsultationIdAndReportVersion(consultation.getId(),
                version).stream().filter(given -> given.getDecidedBy().equals(userId)).findFirst();
        if (own.isPresent()) {
            throw new BusinessRuleViolation("U6", userId + " already decided this version of the report of " + reference
                    + " as " + APPROVERS.get(own.get().getApproverRole()) + "; " + approver + " decides as a different"
                    + " person.");
        }
        return approvals.save(new ConsultationReportApproval(consultation.getId(), version, role, decision, userId,
                LocalDateTime.now(clock)));
    }

    /** U6: whether every role the current report needs approved this version of it (none sent it back). */
    @Transactional(readOnly = true)
    public boolean approved(String reference) {
        Consultation consultation = consultations.get(reference);
        if (consultation.getReportVersion() == 0) {
            return false;
        }
        List<ConsultationReportApproval> given = approvals.findByConsultationIdAndReportVersion(consultation.getId(),
                consultation.getReportVersion());
        return approversOf(consultation).stream().allMatch(role -> given.stream().anyMatch(approval ->
                approval.getApproverRole().equals(role) && approval.getDecision() == ReportDecision.APPROVE));
    }

    /** U6: every decision on every version of the consultation's report, in the order given. */
    @Transactional(readOnly = true)
    public List<ConsultationReportApproval> approvals(String reference) {
        return approvals.findByConsultationIdOrderById(consultations.get(reference).getId());
    }

    /** U6: the report as a PDF; refused before the report is written. */
    @Transactional(readOnly = true)
    public byte[] pdf(Consultation consultation) {
        if (consultation.getReportVersion() == 0) {
            throw new BusinessRuleViolation("U6", "No report of " + consultation.getReference() + " is written yet.");
        }
        ContractedService service = consultations.serviceOf(consultation);
        return ConsultationReportPdf.render(consultation, service, consultations.providerOf(consultation).getName(),
                new ConsultationReportPdf.Counts(
                        answerSets.countByConsultationIdAndConsentReferenceIsNotNull(consultation.getId()),
                        answerSets.countByConsultationIdAndConsentReferenceIsNull(consultation.getId())));
    }

    private boolean complaintRaised(Consultation consultation) {
        return concerns.existsByConsultationIdAndKind(consultation.getId(), ConcernKind.COMPLAINT);
    }

    private Consultation underWay(String reference) {
        Consultation consultation = consultations.get(reference);
        if (consultation.getStatus() != ConsultationStatus.APPROACH_AGREED) {
            throw new BusinessRuleViolation("U6", "Consultation " + reference + " is "
                    + consultation.getStatus().describe() + "; its report is written and approved while it is under"
                    + " way.");
        }
        return consultation;
    }

    private static String describe(List<String> roles) {
        List<String> names = roles.stream().map(APPROVERS::get).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }
}
