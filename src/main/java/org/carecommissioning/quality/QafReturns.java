package org.carecommissioning.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * QAF returns (seed 004 part 3.3): issued to a provider for a service (Q2), the self-assessment with evidence for
 * every level claimed (Q3), the officer's desk-top review (Q4), the inputs of the validation-visit decision and the
 * visit (Q5), and the agreed grades (Q7). Every refusal is a {@link BusinessRuleViolation} naming what to change, and
 * writes nothing.
 */
@Service
public class QafReturns {

    /** Q5: the reasons the qaf-validation-visit table gives, in its row order. */
    static final List<String> VALIDATION_REASONS = List.of("grade-change", "grade-a-claimed", "concerns",
            "procurement-review", "random-sample", "none");

    /**
     * Q3: what is not written evidence: nothing but tick or cross marks (✓ ✔ ☑ ✅ ✗ ✘ x X), or a bare "yes", "y",
     * "tick", "ticked", "ok", "done" or "n/a", with or without a full stop.
     */
    private static final Pattern TICK = Pattern.compile(
            "^[\\s\\p{Punct}\\u2713\\u2714\\u2611\\u2705\\u2717\\u2718\\uFE0FxX]*$"
                    + "|^(?i)(yes|y|tick|ticked|ok|done|n/?a)[\\s.!]*$");

    private final QafReturnRepository returns;
    private final ContractServices services;
    private final QafDeadlines deadlines;
    private final RandomGenerator random;
    private final Clock clock;

    @Autowired
    QafReturns(QafReturnRepository returns, ContractServices services, QafDeadlines deadlines, Clock clock) {
        this(returns, services, deadlines, new SecureRandom(), clock);
    }

    QafReturns(QafReturnRepository returns, ContractServices services, QafDeadlines deadlines, RandomGenerator random,
            Clock clock) {
        this.returns = returns;
        this.services = services;
        this.deadlines = deadlines;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Q2: the purchasing officer issues a QAF (full or Lite) for one of a provider's services, for the contract
     * management meeting on {@code meetingDate}; it is due back 6 weeks before the meeting. More than one QAF may be
     * issued to a provider (one per service). The financial year is the one the QAF is issued in.
     */
    @Transactional
    public QafReturn issue(String serviceCode, QafVariant variant, LocalDate meetingDate, String officerUserId) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new BusinessRuleViolation("Q2", "Choose the service the QAF is for.");
        }
        if (variant == null) {
            throw new BusinessRuleViolation("Q2", "Choose the full QAF or QAF Lite.");
        }
        if (meetingDate == null) {
            throw new BusinessRuleViolation("Q2", "Give the date of the contract management meeting, a date like"
                    + " 2027-03-15.");
        }
        FormValues.plausibleDate(meetingDate, "Q2", "The date of the contract management meeting");
        ContractedService service = services.byCode(serviceCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate dueOn = deadlines.dueOn(meetingDate);
        if (dueOn.isBefore(today)) {
            throw new BusinessRuleViolation("Q2", "The QAF for a meeting on " + meetingDate + " would be due back on "
                    + dueOn + ", 6 weeks before it, which has passed. Check the meeting's date.");
        }
        String year = QafDeadlines.financialYear(today);
        long issued = returns.countByServiceIdAndFinancialYear(service.getId(), year);
        String reference = "QAF-" + service.getServiceCode() + "-" + year.substring(0, 4) + "-" + (issued + 1);
        return returns.save(new QafReturn(reference, service.getId(), year, variant, meetingDate, today, dueOn,
                officerUserId, LocalDateTime.now(clock)));
    }

    /**
     * Q3: the provider's self-assessment. Every objective has a claimed grade, and written evidence for every level
     * up to it: C for a C, C and B for a B, C, B and A for an A (a D needs none). Whitespace, a tick or a "yes" is not
     * evidence. Evidence for a level above the claim is not kept. The summary sheet is required. A return is accepted
     * while it is awaited (issued, or sent back for more evidence); the random-sample draw (Q5) is made the first
     * time and kept.
     */
    @Transactional
    public QafReturn submitSelfAssessment(String reference, SelfAssessment assessment, String userId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() == QafStatus.SUBMITTED) {
            throw new BusinessRuleViolation("Q3", "QAF " + reference + " has already been returned and awaits the"
                    + " desk-top review.");
        }
        if (qaf.getStatus() != QafStatus.ISSUED && qaf.getStatus() != QafStatus.RETURNED_FOR_EVIDENCE) {
            throw new BusinessRuleViolation("Q3", "QAF " + reference + " has been reviewed (it is "
                    + qaf.getStatus().describe() + "); a second return is not accepted.");
        }
        for (CoreObjective objective : CoreObjective.values()) {
            Claim claim = assessment.claims().get(objective);
            QafGrade grade = claim == null ? null : claim.grade();
            if (grade == null) {
                throw new BusinessRuleViolation("Q3", objective.label() + ": choose the grade you claim, A to D.");
            }
            checkEvidence(objective, grade, QafGrade.C, claim.evidenceC());
            checkEvidence(objective, grade, QafGrade.B, claim.evidenceB());
            checkEvidence(objective, grade, QafGrade.A, claim.evidenceA());
        }
        String summary = FormValues.text(assessment.summary());
        if (summary == null) {
            throw new BusinessRuleViolation("Q3", "Complete the summary sheet.");
        }
        FormValues.limited(summary, QafLimits.SUMMARY, "Q3", "The summary sheet");
        for (CoreObjective objective : CoreObjective.values()) {
            Claim claim = assessment.claims().get(objective);
            QafGrade grade = claim.grade();
            qaf.objective(objective).claim(grade, kept(grade, QafGrade.C, claim.evidenceC()),
                    kept(grade, QafGrade.B, claim.evidenceB()), kept(grade, QafGrade.A, claim.evidenceA()));
        }
        BigDecimal draw = BigDecimal.valueOf(random.nextDouble() * 100).setScale(4, RoundingMode.DOWN);
        qaf.submit(summary, userId, LocalDateTime.now(clock), draw);
        return qaf;
    }

    /** Q3: whether a text is written evidence: not empty, not only whitespace, not a tick or a "yes". */
    static boolean isEvidence(String text) {
        return text != null && !text.isBlank() && !TICK.matcher(text.strip()).matches();
    }

    private static void checkEvidence(CoreObjective objective, QafGrade claimed, QafGrade level, String evidence) {
        if (!claimed.needsEvidenceFor(level)) {
            return;
        }
        if (!isEvidence(evidence)) {
            String tick = evidence != null && !evidence.isBlank() ? " A tick or \"yes\" is not evidence." : "";
            throw new BusinessRuleViolation("Q3", objective.label() + " claims " + claimed
                    + ": give written evidence for grade " + level + "." + tick);
        }
        FormValues.limited(evidence.strip(), QafLimits.EVIDENCE, "Q3",
                objective.label() + ": the evidence for grade " + level);
    }

    private static String kept(QafGrade claimed, QafGrade level, String evidence) {
        return claimed.needsEvidenceFor(level) ? evidence.strip() : null;
    }

    /**
     * Q4, Q3: the officer's desk-top review. Either the return goes back to the provider for more evidence (saying
     * what to add; due again by {@link QafDeadlines#resubmitBy}), or the officer records a grade for every objective
     * beside the provider's, with a comment wherever it differs from the claim, and whether there are concerns over
     * the service or it is in this year's procurement review (Q5 inputs, from the review form).
     */
    @Transactional
    public ReviewResult recordDeskTopReview(String reference, DeskTopReview review, String officerUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.SUBMITTED) {
            throw new BusinessRuleViolation("Q4", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; only a returned self-assessment is reviewed.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (review.moreEvidence()) {
            String request = FormValues.text(review.requestToProvider());
            if (request == null) {
                throw new BusinessRuleViolation("Q3", "Say what evidence the provider must add.");
            }
            FormValues.limited(request, QafLimits.REQUEST_FOR_EVIDENCE, "Q3", "The request to the provider");
            qaf.returnForEvidence(request, officerUserId, now);
            return new ReviewResult(true, deadlines.resubmitBy(now.toLocalDate(), qaf.getDueOn()));
        }
        for (CoreObjective objective : CoreObjective.values()) {
            OfficerAssessment assessment = review.assessments().get(objective);
            if (assessment == null || assessment.grade() == null) {
                throw new BusinessRuleViolation("Q4", objective.label() + ": record your grade, A to D.");
            }
            String comment = FormValues.text(assessment.comment());
            if (comment == null && assessment.grade() != qaf.objective(objective).getClaimedGrade()) {
                throw new BusinessRuleViolation("Q4", objective.label() + ": your grade " + assessment.grade()
                        + " differs from the claimed " + qaf.objective(objective).getClaimedGrade()
                        + "; comment on your decision.");
            }
            FormValues.limited(comment, QafLimits.OFFICER_COMMENT, "Q4", objective.label() + ": the comment");
        }
        for (CoreObjective objective : CoreObjective.values()) {
            OfficerAssessment assessment = review.assessments().get(objective);
            qaf.objective(objective).assessByOfficer(assessment.grade(), FormValues.text(assessment.comment()));
        }
        qaf.reviewed(review.concernsRaised(), review.inProcurementReview(), officerUserId, now);
        return new ReviewResult(false, null);
    }

    /**
     * Q5: the inputs of the qaf-validation-visit decision for a reviewed return: the most grades any objective's
     * claim moved from the latest agreed QAF held for the same service, in either direction (0 when none is held),
     * whether an A is claimed, the review's concerns and procurement review, and the draw kept with the return.
     */
    @Transactional(readOnly = true)
    public ValidationInputs validationInputs(String reference) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.REVIEWED) {
            throw new BusinessRuleViolation("Q5", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; the validation visit is decided after the desk-top review.");
        }
        Optional<QafReturn> previous = returns.findByServiceIdAndStatusOrderByAgreedAtDesc(qaf.getServiceId(),
                QafStatus.AGREED).stream().filter(r -> !r.getReference().equals(reference)).findFirst();
        int largestChange = 0;
        boolean gradeA = false;
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            gradeA |= row.getClaimedGrade() == QafGrade.A;
            QafGrade held = previous.map(p -> p.objective(row.getObjective()).getAgreedGrade()).orElse(null);
            if (held != null && row.getClaimedGrade() != null) {
                largestChange = Math.max(largestChange, row.getClaimedGrade().distanceTo(held));
            }
        }
        return new ValidationInputs(largestChange, gradeA, qaf.isConcernsRaised(), qaf.isInProcurementReview(),
                qaf.getSampleDraw().doubleValue());
    }

    /** Q5: keeps the decision's outcome and reason with the return (for the QAF report: validations and why). */
    @Transactional
    public QafReturn recordValidationDecision(String reference, boolean visit, String reason) {
        if (!VALIDATION_REASONS.contains(reason)) {
            throw new IllegalStateException("qaf-validation-visit gave the reason \"" + reason + "\"; expected one of "
                    + VALIDATION_REASONS + ". Check the table's outputs.");
        }
        QafReturn qaf = get(reference);
        qaf.validationDecided(visit, reason, LocalDateTime.now(clock));
        return qaf;
    }

    /** Q5: the validation visit's date, agreed with the provider. */
    @Transactional
    public QafReturn planVisit(String reference, LocalDate visitDate) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.REVIEWED && qaf.getStatus() != QafStatus.VISIT_PLANNED
                || !Boolean.TRUE.equals(qaf.getValidationVisit())) {
            throw new BusinessRuleViolation("Q5", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; a visit is planned only for a reviewed return that needs one.");
        }
        if (visitDate == null) {
            throw new BusinessRuleViolation("Q5", "Give the date agreed with the provider for the validation visit.");
        }
        FormValues.plausibleDate(visitDate, "Q5", "The date of the validation visit");
        if (visitDate.isBefore(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("Q5", "The validation visit date " + visitDate + " has passed; give the"
                    + " date agreed with the provider.");
        }
        qaf.visitPlanned(visitDate, LocalDateTime.now(clock));
        return qaf;
    }

    /**
     * Q5: the visit's findings and revised grades. The officer may validate key sections only: an objective with no
     * revised grade keeps the desk-top grade.
     */
    @Transactional
    public QafReturn recordVisit(String reference, VisitFindings visit, String officerUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.VISIT_PLANNED) {
            throw new BusinessRuleViolation("Q5", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; findings are recorded for a planned validation visit.");
        }
        String findings = FormValues.text(visit.findings());
        if (findings == null) {
            throw new BusinessRuleViolation("Q5", "Record the findings of the validation visit.");
        }
        FormValues.limited(findings, QafLimits.VISIT_FINDINGS, "Q5", "The findings of the visit");
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).gradeAtVisit(visit.revisedGrades().get(objective));
        }
        qaf.visited(findings, officerUserId, LocalDateTime.now(clock));
        return qaf;
    }

    /**
     * Q7: the agreed grade of every objective, with a written reason wherever it differs from the provider's claim.
     * A return that needed a validation visit is agreed only after the visit's findings.
     */
    @Transactional
    public QafReturn agreeGrades(String reference, Map<CoreObjective, AgreedGrade> grades, String officerUserId) {
        QafReturn qaf = get(reference);
        boolean visitDue = Boolean.TRUE.equals(qaf.getValidationVisit());
        QafStatus ready = visitDue ? QafStatus.VISITED : QafStatus.REVIEWED;
        if (qaf.getStatus() != ready) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + (visitDue ? "; grades are agreed after the validation visit's findings."
                            : "; grades are agreed after the desk-top review."));
        }
        for (CoreObjective objective : CoreObjective.values()) {
            AgreedGrade agreed = grades.get(objective);
            if (agreed == null || agreed.grade() == null) {
                throw new BusinessRuleViolation("Q7", objective.label() + ": choose the agreed grade, A to D.");
            }
            QafGrade claimed = qaf.objective(objective).getClaimedGrade();
            String reason = FormValues.text(agreed.reason());
            if (reason == null && agreed.grade() != claimed) {
                throw new BusinessRuleViolation("Q7", objective.label() + ": the agreed grade " + agreed.grade()
                        + " differs from the claimed " + claimed + "; give the provider the written reason.");
            }
            FormValues.limited(reason, QafLimits.AGREED_REASON, "Q7", objective.label() + ": the reason");
        }
        for (CoreObjective objective : CoreObjective.values()) {
            AgreedGrade agreed = grades.get(objective);
            qaf.objective(objective).agree(agreed.grade(), FormValues.text(agreed.reason()));
        }
        qaf.agreed(officerUserId, LocalDateTime.now(clock));
        return qaf;
    }

    /**
     * Q2: the deadline passed with the self-assessment not in (never sent, or sent back and not sent again): the
     * non-return is recorded as a contract compliance issue, once; true when it was not in.
     */
    @Transactional
    public boolean recordNonReturn(String reference) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.ISSUED && qaf.getStatus() != QafStatus.RETURNED_FOR_EVIDENCE) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        qaf.nonReturnRecorded(now.toLocalDate(), now);
        return true;
    }

    @Transactional(readOnly = true)
    public QafReturn get(String reference) {
        return returns.findByReference(reference == null ? "" : reference)
                .orElseThrow(() -> new NotFound("There is no QAF " + reference + "."));
    }

    @Transactional(readOnly = true)
    public ContractedService serviceOf(QafReturn qaf) {
        return services.get(qaf.getServiceId());
    }

    @Transactional(readOnly = true)
    public Organisation providerOf(QafReturn qaf) {
        return services.providerOf(services.get(qaf.getServiceId()));
    }

    /** Q3: the provider's claim for one objective, with the evidence for each level as typed. */
    public record Claim(QafGrade grade, String evidenceC, String evidenceB, String evidenceA) {
    }

    /** Q3: the whole self-assessment: a claim per objective and the summary sheet. */
    public record SelfAssessment(Map<CoreObjective, Claim> claims, String summary) {
    }

    /** Q4: the officer's grade and comment on one objective. */
    public record OfficerAssessment(QafGrade grade, String comment) {
    }

    /** Q3, Q4, Q5: the desk-top review form. */
    public record DeskTopReview(boolean moreEvidence, String requestToProvider,
            Map<CoreObjective, OfficerAssessment> assessments, boolean concernsRaised, boolean inProcurementReview) {
    }

    /** Q3, X1: what the review decided: back to the provider (due again by resubmitBy), or reviewed. */
    public record ReviewResult(boolean returnedForEvidence, LocalDate resubmitBy) {
    }

    /** Q5: the inputs of DMN qaf-validation-visit, named as the table names them. */
    public record ValidationInputs(int largestGradeChange, boolean gradeAClaimed, boolean concernsRaised,
            boolean inProcurementReview, double sampleDraw) {
    }

    /** Q5: the visit's findings and the revised grade of each objective validated (absent when not revisited). */
    public record VisitFindings(String findings, Map<CoreObjective, QafGrade> revisedGrades) {
    }

    /** Q7: an agreed grade and the written reason for it. */
    public record AgreedGrade(QafGrade grade, String reason) {
    }
}
