package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.quality.QafReturns.AgreedGrade;
import org.carecommissioning.quality.QafReturns.Claim;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.OfficerAssessment;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.quality.QafReturns.ValidationInputs;
import org.carecommissioning.quality.QafReturns.VisitFindings;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of {@link QafReturns} on a mocked repository: Q2 (issue dates), Q3 (evidence for every level up to the
 * claim; ticks are not evidence; a reviewed return is not returned again), Q4 (a grade per objective, a comment where
 * it differs), Q5 (the decision's inputs: the largest grade change against the latest agreed QAF held, the kept draw)
 * and Q7 (a reason for every agreed grade that differs from the claim).
 */
@DisplayName("QafReturns (Q2, Q3, Q4, Q5, Q7)")
class QafReturnsTest {

    private static final String REFERENCE = "QAF-S1001-2026-1";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate MEETING = LocalDate.of(2027, 2, 1);
    private static final long SERVICE_ID = 11L;

    private QafReturnRepository repository;
    private ContractServices services;
    private QafReturns returns;
    private QafReturn qaf;
    private final List<QafReturn> agreedBefore = new ArrayList<>();

    @BeforeEach
    void setUp() {
        repository = mock(QafReturnRepository.class);
        services = mock(ContractServices.class);
        ZoneId london = ZoneId.of("Europe/London");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(london).toInstant(), london);
        RandomGenerator random = mock(RandomGenerator.class);
        when(random.nextDouble()).thenReturn(0.0999999);
        returns = new QafReturns(repository, services, new QafDeadlines(london), random, clock);
        qaf = newReturn(REFERENCE);
        when(repository.findByReference(REFERENCE)).thenReturn(Optional.of(qaf));
        when(repository.findByServiceIdAndAgreedAtNotNullOrderByAgreedAtDesc(SERVICE_ID))
                .thenReturn(agreedBefore);
    }

    private static QafReturn newReturn(String reference) {
        return new QafReturn(reference, SERVICE_ID, "2026/27", QafVariant.FULL, MEETING, TODAY,
                MEETING.minusWeeks(6), "po-jones", TODAY.atStartOfDay());
    }

    private static Claim claim(QafGrade grade) {
        return new Claim(grade, "Risk assessments on file for every client, reviewed quarterly.",
                grade.compareTo(QafGrade.B) <= 0 ? "Clients co-produce their assessments." : null,
                grade == QafGrade.A ? "External audit rated the process outstanding." : null);
    }

    private static SelfAssessment allClaim(QafGrade grade) {
        Map<CoreObjective, Claim> claims = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            claims.put(objective, claim(grade));
        }
        return new SelfAssessment(claims, "We meet the minimum standard throughout.");
    }

    private static SelfAssessment with(SelfAssessment base, CoreObjective objective, Claim claim) {
        Map<CoreObjective, Claim> claims = new EnumMap<>(base.claims());
        claims.put(objective, claim);
        return new SelfAssessment(claims, base.summary());
    }

    private static DeskTopReview review(QafGrade grade, boolean concerns) {
        Map<CoreObjective, OfficerAssessment> assessments = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            assessments.put(objective, new OfficerAssessment(grade, "Evidence checked."));
        }
        return new DeskTopReview(false, null, assessments, concerns, false);
    }

    @Test
    @DisplayName("Q2 a QAF is due back 6 weeks before the meeting, in the financial year it is issued, numbered per service")
    void issue() {
        ContractedService service = mock(ContractedService.class);
        when(service.getId()).thenReturn(SERVICE_ID);
        when(service.getServiceCode()).thenReturn("S1001");
        when(services.byCode("S1001")).thenReturn(service);
        when(repository.countByServiceIdAndFinancialYear(SERVICE_ID, "2026/27")).thenReturn(1L);
        when(repository.save(any())).thenAnswer(call -> call.getArgument(0));

        QafReturn issued = returns.issue("S1001", QafVariant.LITE, MEETING, "po-jones");

        assertThat(issued.getReference()).isEqualTo("QAF-S1001-2026-2");
        assertThat(issued.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(issued.getFinancialYear()).isEqualTo("2026/27");
        assertThat(issued.getVariant()).isEqualTo(QafVariant.LITE);
        assertThat(issued.getObjectives()).extracting(ObjectiveAssessment::getObjective)
                .containsExactly(CoreObjective.values());
        assertThatThrownBy(() -> returns.issue("S1001", QafVariant.FULL, TODAY.plusWeeks(5), "po-jones"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("which has passed");
        assertThatThrownBy(() -> returns.issue("S1001", null, MEETING, "po-jones"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage("Q2: Choose the full QAF or QAF Lite.");
    }

    @Test
    @DisplayName("Q2 X1 issued 3 months before the meeting, due 6 weeks before it; sent back, due again 2 weeks later or by the first due date")
    void dates() {
        QafDeadlines deadlines = new QafDeadlines(ZoneId.of("Europe/London"));
        assertThat(deadlines.issueOn(MEETING)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(deadlines.dueOn(MEETING)).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(deadlines.resubmitBy(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 21)))
                .isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(deadlines.resubmitBy(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 21)))
                .isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    @DisplayName("Q2 financial years run April to March")
    void financialYear() {
        assertThat(QafDeadlines.financialYear(LocalDate.of(2027, 3, 31))).isEqualTo("2026/27");
        assertThat(QafDeadlines.financialYear(LocalDate.of(2027, 4, 1))).isEqualTo("2027/28");
        assertThat(QafDeadlines.financialYear(LocalDate.of(2099, 6, 1))).isEqualTo("2099/00");
    }

    @Test
    @DisplayName("Q3 a claim with evidence for every level up to it is accepted; evidence above the claim is not kept")
    void completeSelfAssessment() {
        SelfAssessment assessment = with(allClaim(QafGrade.C), CoreObjective.C1_2, claim(QafGrade.A));
        assessment = with(assessment, CoreObjective.C1_3, new Claim(QafGrade.C, "Fire drills monthly.",
                "Typed although only C is claimed", null));
        assessment = with(assessment, CoreObjective.C1_4, new Claim(QafGrade.D, null, null, null));

        returns.submitSelfAssessment(REFERENCE, assessment, "pr-user");

        assertThat(qaf.getStatus()).isEqualTo(QafStatus.SUBMITTED);
        assertThat(qaf.objective(CoreObjective.C1_2).getEvidenceA()).startsWith("External audit");
        assertThat(qaf.objective(CoreObjective.C1_3).getEvidenceB()).isNull();
        assertThat(qaf.objective(CoreObjective.C1_4).getClaimedGrade()).isEqualTo(QafGrade.D);
        assertThat(qaf.getSampleDraw()).isEqualByComparingTo("9.9999");
    }

    @Test
    @DisplayName("Q3 claiming B needs C and B evidence; A needs C, B and A: the refusal names the objective and level")
    void missingEvidenceIsRefused() {
        SelfAssessment noC = with(allClaim(QafGrade.C), CoreObjective.C1_3,
                new Claim(QafGrade.B, null, "We audit weekly.", null));
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, noC, "pr-user"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q3: C1.3 Security, health and safety claims B: give written evidence for grade C.");

        SelfAssessment noB = with(allClaim(QafGrade.C), CoreObjective.C1_1,
                new Claim(QafGrade.A, "Assessed.", "", "Audited."));
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, noB, "pr-user"))
                .hasMessage("Q3: C1.1 Needs and risk assessment claims A: give written evidence for grade B.");

        SelfAssessment noA = with(allClaim(QafGrade.C), CoreObjective.C1_7,
                new Claim(QafGrade.A, "Assessed.", "Co-produced.", null));
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, noA, "pr-user"))
                .hasMessage("Q3: C1.7 Consulting and involving service users claims A: give written evidence for"
                        + " grade A.");

        SelfAssessment noGrade = with(allClaim(QafGrade.C), CoreObjective.C1_5, new Claim(null, "x", null, null));
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, noGrade, "pr-user"))
                .hasMessage("Q3: C1.5 Fair access, diversity and inclusion: choose the grade you claim, A to D.");

        assertThat(qaf.getStatus()).as("nothing written").isEqualTo(QafStatus.ISSUED);
        assertThat(qaf.objective(CoreObjective.C1_1).getClaimedGrade()).isNull();
        assertThat(qaf.getSampleDraw()).isNull();
    }

    @ParameterizedTest(name = "evidence \"{0}\" is not evidence")
    @ValueSource(strings = {"   ", "\t\n", "\u2713", "\u2714", " \u2714\uFE0F ", "\u2611", "\u2705", "x", "X", "yes",
            "Yes.", "YES", "y", "tick", "ticked", "n/a", "-", "\u2713\u2713", "..."})
    @DisplayName("Q3 whitespace, a tick, a cross or a bare \"yes\" is not written evidence")
    void ticksAreNotEvidence(String tick) {
        SelfAssessment ticked = with(allClaim(QafGrade.C), CoreObjective.C1_6, new Claim(QafGrade.C, tick, null, null));

        assertThat(QafReturns.isEvidence(tick)).isFalse();
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, ticked, "pr-user"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("Q3: C1.6 Complaints claims C: give written evidence for grade C.");
    }

    @Test
    @DisplayName("Q3 short written answers are evidence")
    void shortWordsAreEvidence() {
        assertThat(QafReturns.isEvidence("Yes, see policy P4")).isTrue();
        assertThat(QafReturns.isEvidence("Xmas rota")).isTrue();
        assertThat(QafReturns.isEvidence("Policy")).isTrue();
    }

    @Test
    @DisplayName("Q3 the summary sheet is required; over-long evidence is refused with its limit")
    void summaryAndLimits() {
        SelfAssessment noSummary = new SelfAssessment(allClaim(QafGrade.C).claims(), "  ");
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, noSummary, "pr-user"))
                .hasMessage("Q3: Complete the summary sheet.");
        SelfAssessment tooLong = with(allClaim(QafGrade.C), CoreObjective.C1_2,
                new Claim(QafGrade.C, "e".repeat(QafLimits.EVIDENCE + 1), null, null));
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, tooLong, "pr-user"))
                .hasMessageContaining("C1.2 Support planning: the evidence for grade C is 4001 characters long; the"
                        + " limit is 4000");
    }

    @Test
    @DisplayName("Q3 a return sent back for more evidence can be returned again, keeping its first draw; a reviewed one cannot")
    void secondReturn() {
        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.C), "pr-user");
        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.C), "pr-user"))
                .hasMessage("Q3: QAF " + REFERENCE + " has already been returned and awaits the desk-top review.");

        var result = returns.recordDeskTopReview(REFERENCE, new DeskTopReview(true, "Add the fire risk assessment.",
                Map.of(), false, false), "po-jones");
        assertThat(result.returnedForEvidence()).isTrue();
        assertThat(result.resubmitBy()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.RETURNED_FOR_EVIDENCE);
        BigDecimal firstDraw = qaf.getSampleDraw();

        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.B), "pr-user");
        assertThat(qaf.getSampleDraw()).isEqualTo(firstDraw);
        returns.recordDeskTopReview(REFERENCE, review(QafGrade.B, false), "po-jones");

        assertThatThrownBy(() -> returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.C), "pr-user"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q3: QAF " + REFERENCE + " has been reviewed (it is reviewed); a second return is not"
                        + " accepted.");
    }

    @Test
    @DisplayName("Q4 the officer grades every objective, and comments where the grade differs from the claim")
    void deskTopReview() {
        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.B), "pr-user");
        DeskTopReview differs = review(QafGrade.C, false);
        Map<CoreObjective, OfficerAssessment> assessments = new EnumMap<>(differs.assessments());
        assessments.put(CoreObjective.C1_4, new OfficerAssessment(QafGrade.C, " "));
        assertThatThrownBy(() -> returns.recordDeskTopReview(REFERENCE,
                new DeskTopReview(false, null, assessments, false, false), "po-jones"))
                .hasMessage("Q4: C1.4 Protection from abuse: your grade C differs from the claimed B; comment on your"
                        + " decision.");
        assertThatThrownBy(() -> returns.recordDeskTopReview(REFERENCE,
                new DeskTopReview(true, " ", Map.of(), false, false), "po-jones"))
                .hasMessage("Q3: Say what evidence the provider must add.");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.SUBMITTED);

        returns.recordDeskTopReview(REFERENCE, review(QafGrade.B, true), "po-jones");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.REVIEWED);
        assertThat(qaf.objective(CoreObjective.C1_1).getOfficerGrade()).isEqualTo(QafGrade.B);
        assertThat(qaf.isConcernsRaised()).isTrue();
    }

    @Test
    @DisplayName("Q5 with no agreed QAF held the grade change is 0; the kept draw and the review's answers are the inputs")
    void inputsWithoutPreviousQaf() {
        returns.submitSelfAssessment(REFERENCE, with(allClaim(QafGrade.D), CoreObjective.C1_2, claim(QafGrade.A)),
                "pr-user");
        returns.recordDeskTopReview(REFERENCE, review(QafGrade.C, true), "po-jones");

        assertThat(returns.validationInputs(REFERENCE)).isEqualTo(new ValidationInputs(0, true, true, false, 9.9999));
    }

    @Test
    @DisplayName("Q5 largestGradeChange is the most grades any claim moved from the latest agreed QAF, better or worse")
    void largestGradeChange() {
        agreedBefore.add(agreed("QAF-S1001-2025-1", QafGrade.C, CoreObjective.C1_5, QafGrade.A,
                LocalDateTime.of(2026, 3, 1, 9, 0)));
        agreedBefore.add(agreed("QAF-S1001-2024-1", QafGrade.D, null, null, LocalDateTime.of(2025, 3, 1, 9, 0)));

        SelfAssessment oneBetter = with(allClaim(QafGrade.C), CoreObjective.C1_1, claim(QafGrade.B));
        oneBetter = with(oneBetter, CoreObjective.C1_5, claim(QafGrade.A));
        returns.submitSelfAssessment(REFERENCE, oneBetter, "pr-user");
        returns.recordDeskTopReview(REFERENCE, review(QafGrade.C, false), "po-jones");
        assertThat(returns.validationInputs(REFERENCE).largestGradeChange()).as("one grade better").isEqualTo(1);

        QafReturn second = newReturn("QAF-S1001-2026-2");
        when(repository.findByReference("QAF-S1001-2026-2")).thenReturn(Optional.of(second));
        SelfAssessment twoWorse = with(allClaim(QafGrade.C), CoreObjective.C1_5, new Claim(QafGrade.C, "Policy.",
                null, null));
        returns.submitSelfAssessment("QAF-S1001-2026-2", twoWorse, "pr-user");
        returns.recordDeskTopReview("QAF-S1001-2026-2", review(QafGrade.C, false), "po-jones");
        assertThat(returns.validationInputs("QAF-S1001-2026-2").largestGradeChange()).as("A held, C claimed")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("Q5 the agreed QAF itself is not 'the latest held' when its own inputs are asked again")
    void ownAgreedReturnIsNotTheLatestHeld() {
        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.C), "pr-user");
        returns.recordDeskTopReview(REFERENCE, review(QafGrade.C, false), "po-jones");
        agreedBefore.add(qaf);
        assertThat(returns.validationInputs(REFERENCE).largestGradeChange()).isZero();
    }

    @Test
    @DisplayName("Q5 Q7 after a visit the revised grades stand; an agreed grade that differs from the claim needs a reason")
    void visitAndAgreement() {
        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.B), "pr-user");
        returns.recordDeskTopReview(REFERENCE, review(QafGrade.B, false), "po-jones");
        returns.recordValidationDecision(REFERENCE, true, "concerns");
        assertThatThrownBy(() -> returns.agreeGrades(REFERENCE, Map.of(), "po-jones"))
                .hasMessageContaining("grades are agreed after the validation visit's findings");
        returns.planVisit(REFERENCE, TODAY.plusDays(10));
        returns.recordVisit(REFERENCE, new VisitFindings("Files seen.", Map.of(CoreObjective.C1_3, QafGrade.C)),
                "po-jones");
        assertThat(qaf.objective(CoreObjective.C1_3).proposedGrade()).isEqualTo(QafGrade.C);
        assertThat(qaf.objective(CoreObjective.C1_1).proposedGrade()).isEqualTo(QafGrade.B);

        Map<CoreObjective, AgreedGrade> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            grades.put(objective, new AgreedGrade(QafGrade.B, null));
        }
        grades.put(CoreObjective.C1_3, new AgreedGrade(QafGrade.C, ""));
        assertThatThrownBy(() -> returns.agreeGrades(REFERENCE, grades, "po-jones"))
                .hasMessage("Q7: C1.3 Security, health and safety: the agreed grade C differs from the claimed B;"
                        + " give the provider the written reason.");
        grades.put(CoreObjective.C1_3, new AgreedGrade(QafGrade.C, "No fire risk assessment seen at the visit."));
        returns.agreeGrades(REFERENCE, grades, "po-jones");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(qaf.objective(CoreObjective.C1_3).getAgreedReason()).startsWith("No fire risk");
    }

    @Test
    @DisplayName("Q1 an unknown grade is refused with a sentence naming the field")
    void unknownGrade() {
        assertThat(QafGrade.parse(" b ", "C1.1")).isEqualTo(QafGrade.B);
        assertThat(QafGrade.parse("", "C1.1")).isNull();
        assertThatThrownBy(() -> QafGrade.parse("E", "C1.1 Needs and risk assessment: the claimed grade"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q1: C1.1 Needs and risk assessment: the claimed grade: \"E\" is not a grade; choose A, B,"
                        + " C or D.");
    }

    @Test
    @DisplayName("Q2 the non-return is recorded once as a compliance issue, only while the return is not in")
    void nonReturn() {
        assertThat(returns.recordNonReturn(REFERENCE)).isTrue();
        assertThat(qaf.getNonReturnRecordedOn()).isEqualTo(TODAY);
        returns.submitSelfAssessment(REFERENCE, allClaim(QafGrade.C), "pr-user");
        assertThat(returns.recordNonReturn(REFERENCE)).isFalse();
    }

    /** A QAF of the same service agreed at {@code at}: every objective {@code grade}, one of them {@code other}. */
    private static QafReturn agreed(String reference, QafGrade grade, CoreObjective objective, QafGrade other,
            LocalDateTime at) {
        QafReturn previous = newReturn(reference);
        for (CoreObjective each : CoreObjective.values()) {
            previous.objective(each).agree(each == objective ? other : grade, null);
        }
        previous.agreed("po-jones", at);
        return previous;
    }
}
