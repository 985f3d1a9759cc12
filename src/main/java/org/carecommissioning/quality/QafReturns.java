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
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * QAF returns (seed 004 part 3.3): issued to a provider for a service (Q2), the self-assessment with evidence for
 * every level claimed (Q3), the officer's desk-top review (Q4), the inputs of the validation-visit decision and the
 * visit (Q5), the agreed grades and the provider's appeal up to the final decision (Q7), the clerk's record, and a D
 * grade's improvement plan, reviews, validation and default-notice decision (Q8). Every refusal is a
 * {@link BusinessRuleViolation} naming what to change, and writes nothing.
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
        Optional<QafReturn> previous = latestAgreedBefore(qaf);
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
        LocalDateTime now = LocalDateTime.now(clock);
        qaf.agreed(officerUserId, now);
        qaf.told(deadlines.respondBy(now.toLocalDate()), now);
        return qaf;
    }

    /**
     * Q5, Q7: the latest QAF of the same service whose grades were agreed, other than {@code qaf} (whatever came after
     * the agreement: an appeal does not make it less "held"); for the grade change and last year's grades.
     */
    @Transactional(readOnly = true)
    public Optional<QafReturn> latestAgreedBefore(QafReturn qaf) {
        return returns.findByServiceIdAndAgreedAtNotNullOrderByAgreedAtDesc(qaf.getServiceId()).stream()
                .filter(r -> !r.getReference().equals(qaf.getReference()))
                .filter(r -> r.getFinancialYear().compareTo(qaf.getFinancialYear()) <= 0)
                .findFirst();
    }

    /**
     * Q7: the provider's answer to the grades it was told: accepted (the grades are final), or disagreed with further
     * evidence (overall or for an objective). The first disagreement goes to the officer to reconsider; disagreeing
     * with the reconsidered grades goes to the contracts manager for the final decision. Disagreeing after the
     * response deadline ({@link QafDeadlines#respondBy}) or once the final decision is made or under way is refused.
     */
    @Transactional
    public QafReturn respondToGrades(String reference, GradesResponse response, String userId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() == QafStatus.FINAL || qaf.getStatus() == QafStatus.FINAL_REVIEW) {
            throw new BusinessRuleViolation("Q7", "The grades of QAF " + reference + " are "
                    + (qaf.getStatus() == QafStatus.FINAL ? "final" : "with the contracts manager for the final decision")
                    + "; an appeal is no longer accepted.");
        }
        if (qaf.getStatus() != QafStatus.AGREED && qaf.getStatus() != QafStatus.RECONSIDERED) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; the provider answers grades it has been told.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (response.accept()) {
            finalise(qaf, QafReturn.FinalRoute.ACCEPTED, now);
            return qaf;
        }
        if (now.toLocalDate().isAfter(qaf.getResponseDueOn())) {
            throw new BusinessRuleViolation("Q7", "The deadline to disagree with the grades of QAF " + reference + " was "
                    + DisplayDates.date(qaf.getResponseDueOn()) + "; the grades stand as told.");
        }
        String overall = FormValues.text(response.evidence());
        FormValues.limited(overall, QafLimits.APPEAL_EVIDENCE, "Q7", "Your further evidence");
        boolean any = overall != null;
        for (CoreObjective objective : CoreObjective.values()) {
            String text = FormValues.text(response.objectiveEvidence().get(objective));
            FormValues.limited(text, QafLimits.APPEAL_EVIDENCE, "Q7", objective.label() + ": your further evidence");
            any |= text != null;
        }
        if (!any) {
            throw new BusinessRuleViolation("Q7", "Say why you disagree: give further evidence for the grades you"
                    + " dispute, or overall.");
        }
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).appeal(FormValues.text(response.objectiveEvidence().get(objective)));
        }
        boolean second = qaf.getStatus() == QafStatus.RECONSIDERED;
        qaf.disagreed(overall, second ? QafStatus.FINAL_REVIEW : QafStatus.DISAGREED, now);
        return qaf;
    }

    /**
     * Q7 Decision: no answer by the response deadline is acceptance: the grades as last told are final. A return
     * already answered is left as it is.
     */
    @Transactional
    public QafReturn acceptByDefault(String reference) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() == QafStatus.AGREED || qaf.getStatus() == QafStatus.RECONSIDERED) {
            finalise(qaf, QafReturn.FinalRoute.NO_RESPONSE, LocalDateTime.now(clock));
        }
        return qaf;
    }

    /**
     * Q7: the officer reconsiders the disputed grades with the further evidence: a grade per objective (kept or
     * revised), with a written reason wherever it differs from the claim. The provider is told and has a new response
     * deadline.
     */
    @Transactional
    public QafReturn reconsiderGrades(String reference, Map<CoreObjective, AgreedGrade> grades, String officerUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.DISAGREED) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; grades are reconsidered when the provider disagrees.");
        }
        checkGrades(qaf, grades);
        setGrades(qaf, grades);
        LocalDateTime now = LocalDateTime.now(clock);
        qaf.reconsidered(officerUserId, deadlines.respondBy(now.toLocalDate()), now);
        return qaf;
    }

    /**
     * Q7: the contracts manager reviews everything and either orders a validation visit first (once), or makes the
     * final decision: a grade per objective with a reason wherever it differs from the claim, and a note on the
     * decision for the provider and the CSG. The grades are then final.
     */
    @Transactional
    public QafReturn decideFinalGrades(String reference, FinalDecision decision, String managerUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.FINAL_REVIEW) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; the final decision is made when the provider still disagrees.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (decision.visitFirst()) {
            if (Boolean.TRUE.equals(qaf.getFinalVisitOrdered())) {
                throw new BusinessRuleViolation("Q7", "The validation visit for the final decision has been made; decide"
                        + " the final grades.");
            }
            qaf.finalVisitOrdered(now);
            return qaf;
        }
        String note = FormValues.text(decision.note());
        if (note == null) {
            throw new BusinessRuleViolation("Q7", "Explain the final decision for the provider and the CSG.");
        }
        FormValues.limited(note, QafLimits.FINAL_DECISION_NOTE, "Q7", "The note on the final decision");
        checkGrades(qaf, decision.grades());
        setGrades(qaf, decision.grades());
        qaf.finalDecision(note, managerUserId);
        finalise(qaf, QafReturn.FinalRoute.FINAL_DECISION, now);
        return qaf;
    }

    /** Q7, Q5: the findings of the validation visit the contracts manager ordered before the final decision. */
    @Transactional
    public QafReturn recordFinalVisit(String reference, String findings) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.FINAL_REVIEW || !Boolean.TRUE.equals(qaf.getFinalVisitOrdered())) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " has no validation visit ordered for its final"
                    + " decision.");
        }
        String text = FormValues.text(findings);
        if (text == null) {
            throw new BusinessRuleViolation("Q7", "Record the findings of the validation visit.");
        }
        FormValues.limited(text, QafLimits.VISIT_FINDINGS, "Q7", "The findings of the visit");
        qaf.finalVisited(text, LocalDateTime.now(clock));
        return qaf;
    }

    private void finalise(QafReturn qaf, QafReturn.FinalRoute route, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        qaf.finalised(route, qaf.hasDGrade() ? deadlines.planDueOn(today) : null, now);
    }

    private static void checkGrades(QafReturn qaf, Map<CoreObjective, AgreedGrade> grades) {
        for (CoreObjective objective : CoreObjective.values()) {
            AgreedGrade agreed = grades.get(objective);
            if (agreed == null || agreed.grade() == null) {
                throw new BusinessRuleViolation("Q7", objective.label() + ": choose the grade, A to D.");
            }
            QafGrade claimed = qaf.objective(objective).getClaimedGrade();
            String reason = FormValues.text(agreed.reason());
            if (reason == null && agreed.grade() != claimed) {
                throw new BusinessRuleViolation("Q7", objective.label() + ": the grade " + agreed.grade()
                        + " differs from the claimed " + claimed + "; give the provider the written reason.");
            }
            FormValues.limited(reason, QafLimits.AGREED_REASON, "Q7", objective.label() + ": the reason");
        }
    }

    private static void setGrades(QafReturn qaf, Map<CoreObjective, AgreedGrade> grades) {
        for (CoreObjective objective : CoreObjective.values()) {
            AgreedGrade agreed = grades.get(objective);
            qaf.objective(objective).agree(agreed.grade(), FormValues.text(agreed.reason()));
        }
    }

    /**
     * Q7 records: the data input clerk confirms the final grades are entered onto Swift, and on which day (not in
     * the future, not before the grades were final).
     */
    @Transactional
    public QafReturn recordSwiftEntry(String reference, boolean entered, LocalDate enteredOn, String clerkUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.FINAL) {
            throw new BusinessRuleViolation("Q7", "QAF " + reference + " is " + qaf.getStatus().describe()
                    + "; grades are entered onto Swift once final.");
        }
        if (!entered) {
            throw new BusinessRuleViolation("Q7", "Tick to confirm the grades are entered onto Swift.");
        }
        if (enteredOn == null) {
            throw new BusinessRuleViolation("Q7", "Give the date the grades were entered onto Swift.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (enteredOn.isAfter(now.toLocalDate()) || enteredOn.isBefore(qaf.getFinalisedAt().toLocalDate())) {
            throw new BusinessRuleViolation("Q7", "The date entered onto Swift, " + enteredOn + ", must be between the"
                    + " day the grades were final (" + qaf.getFinalisedAt().toLocalDate() + ") and today.");
        }
        qaf.enteredOnSwift(enteredOn, clerkUserId, now);
        return qaf;
    }

    /**
     * Q8: the provider's improvement plan for its D grades; due 2 weeks after the grades were final (the task's due
     * date), kept with the return; the improvement is validated one month after it came in.
     */
    @Transactional
    public QafReturn submitImprovementPlan(String reference, String plan, String userId) {
        QafReturn qaf = get(reference);
        if (qaf.getStatus() != QafStatus.FINAL || !qaf.hasDGrade()) {
            throw new BusinessRuleViolation("Q8", "QAF " + reference + " has no final D grade; no improvement plan is"
                    + " needed.");
        }
        if (qaf.getImprovementPlan() != null) {
            throw new BusinessRuleViolation("Q8", "The improvement plan for QAF " + reference + " is already in.");
        }
        String text = FormValues.text(plan);
        if (text == null) {
            throw new BusinessRuleViolation("Q8", "Write the improvement plan for the objectives graded D.");
        }
        FormValues.limited(text, QafLimits.IMPROVEMENT_PLAN, "Q8", "The improvement plan");
        LocalDateTime now = LocalDateTime.now(clock);
        qaf.planSubmitted(text, userId, deadlines.improvementValidationOn(now.toLocalDate()), now);
        return qaf;
    }

    /** Q8: the officer's or the contracts manager's review of the plan (both are needed). */
    @Transactional
    public QafReturn reviewImprovementPlan(String reference, boolean byManager, String review, String userId) {
        QafReturn qaf = get(reference);
        if (qaf.getImprovementPlan() == null) {
            throw new BusinessRuleViolation("Q8", "QAF " + reference + " has no improvement plan to review.");
        }
        String text = FormValues.text(review);
        if (text == null) {
            throw new BusinessRuleViolation("Q8", "Record your review of the improvement plan.");
        }
        FormValues.limited(text, QafLimits.PLAN_NOTE, "Q8", "Your review");
        LocalDateTime now = LocalDateTime.now(clock);
        if (byManager) {
            qaf.planReviewedByManager(text, userId, now);
        } else {
            qaf.planReviewedByOfficer(text, userId, now);
        }
        return qaf;
    }

    /** Q8: one month after the plan, the officer validates whether the service improved, with findings. */
    @Transactional
    public QafReturn validateImprovement(String reference, Boolean improved, String findings, String officerUserId) {
        QafReturn qaf = get(reference);
        if (qaf.getPlanOfficerReview() == null || qaf.getPlanManagerReview() == null) {
            throw new BusinessRuleViolation("Q8", "The improvement plan of QAF " + reference + " is validated after both"
                    + " the officer and the contracts manager have reviewed it.");
        }
        if (improved == null) {
            throw new BusinessRuleViolation("Q8", "Say whether the service has improved.");
        }
        String text = FormValues.text(findings);
        if (text == null) {
            throw new BusinessRuleViolation("Q8", "Record what the validation found.");
        }
        FormValues.limited(text, QafLimits.PLAN_NOTE, "Q8", "The findings");
        qaf.improvementValidated(improved, text, officerUserId, LocalDateTime.now(clock));
        return qaf;
    }

    /** Q8: no improvement: the contracts manager decides whether a default notice is issued, with the reason. */
    @Transactional
    public QafReturn decideDefaultNotice(String reference, Boolean issue, String reason, String managerUserId) {
        QafReturn qaf = get(reference);
        if (!Boolean.FALSE.equals(qaf.getImproved())) {
            throw new BusinessRuleViolation("Q8", "QAF " + reference + " has no validation finding no improvement; no"
                    + " default notice is decided.");
        }
        if (issue == null) {
            throw new BusinessRuleViolation("Q8", "Decide whether a default notice is issued.");
        }
        String text = FormValues.text(reason);
        if (text == null) {
            throw new BusinessRuleViolation("Q8", "Give the reason for the decision on the default notice.");
        }
        FormValues.limited(text, QafLimits.PLAN_NOTE, "Q8", "The reason");
        qaf.defaultNoticeDecided(issue, text, managerUserId, LocalDateTime.now(clock));
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

    /** Q7: the provider's answer: accept, or disagree with further evidence overall and per objective. */
    public record GradesResponse(boolean accept, String evidence, Map<CoreObjective, String> objectiveEvidence) {
    }

    /** Q7: the contracts manager's final decision, or a validation visit first. */
    public record FinalDecision(boolean visitFirst, Map<CoreObjective, AgreedGrade> grades, String note) {
    }
}
