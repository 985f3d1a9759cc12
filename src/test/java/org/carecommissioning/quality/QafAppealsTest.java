package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.quality.QafReturns.AgreedGrade;
import org.carecommissioning.quality.QafReturns.Claim;
import org.carecommissioning.quality.QafReturns.DeskTopReview;
import org.carecommissioning.quality.QafReturns.FinalDecision;
import org.carecommissioning.quality.QafReturns.GradesResponse;
import org.carecommissioning.quality.QafReturns.OfficerAssessment;
import org.carecommissioning.quality.QafReturns.SelfAssessment;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Q7 and Q8 rules of {@link QafReturns} on a mocked repository and a clock the test moves: the response deadline
 * (4 weeks), no answer is acceptance, the appeal up to the contracts manager's final decision and the refusals after
 * it, the clerk's Swift record, and a final D grade's plan, reviews, validation and default-notice decision.
 */
@DisplayName("QafReturns appeals and D grades (Q7, Q8)")
class QafAppealsTest {

    private static final String REFERENCE = "QAF-S1001-2026-1";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate MEETING = LocalDate.of(2027, 2, 1);

    private final MovableClock clock = new MovableClock();
    private QafReturns returns;
    private QafReturn qaf;

    /** A clock the test sets to a day (10:00 in London). */
    private static final class MovableClock extends Clock {

        private Instant now;

        void day(LocalDate day) {
            now = day.atTime(10, 0).atZone(LONDON).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return LONDON;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void agreedGrades() {
        clock.day(TODAY);
        QafReturnRepository repository = mock(QafReturnRepository.class);
        RandomGenerator random = mock(RandomGenerator.class);
        when(random.nextDouble()).thenReturn(0.5);
        returns = new QafReturns(repository, mock(ContractServices.class), new QafDeadlines(LONDON), random, clock);
        qaf = new QafReturn(REFERENCE, 11L, "2026/27", QafVariant.FULL, MEETING, TODAY, MEETING.minusWeeks(6),
                "po-jones", TODAY.atStartOfDay());
        when(repository.findByReference(REFERENCE)).thenReturn(Optional.of(qaf));
        when(repository.findByServiceIdAndAgreedAtNotNullOrderByAgreedAtDesc(11L)).thenReturn(List.of());

        Map<CoreObjective, Claim> claims = new EnumMap<>(CoreObjective.class);
        Map<CoreObjective, OfficerAssessment> review = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            claims.put(objective, new Claim(QafGrade.C, "Policy in place and reviewed.", null, null));
            review.put(objective, new OfficerAssessment(QafGrade.C, null));
        }
        returns.submitSelfAssessment(REFERENCE, new SelfAssessment(claims, "Summary."), "pr-user");
        returns.recordDeskTopReview(REFERENCE, new DeskTopReview(false, null, review, false, false), "po-jones");
        returns.recordValidationDecision(REFERENCE, false, "none");
        returns.agreeGrades(REFERENCE, grades(QafGrade.C, null), "po-jones");
    }

    private static Map<CoreObjective, AgreedGrade> grades(QafGrade grade, String reason) {
        Map<CoreObjective, AgreedGrade> grades = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            grades.put(objective, new AgreedGrade(grade, reason));
        }
        return grades;
    }

    private static Map<CoreObjective, AgreedGrade> withD(CoreObjective objective, String reason) {
        Map<CoreObjective, AgreedGrade> grades = grades(QafGrade.C, null);
        grades.put(objective, new AgreedGrade(QafGrade.D, reason));
        return grades;
    }

    private static GradesResponse accept() {
        return new GradesResponse(true, null, Map.of());
    }

    private static GradesResponse disagree(String evidence) {
        return new GradesResponse(false, null, Map.of(CoreObjective.C1_3, evidence));
    }

    /** Q7: disagreed twice, with the contracts manager. */
    private void toFinalReview() {
        returns.respondToGrades(REFERENCE, disagree("Drills are logged."), "pr-user");
        returns.reconsiderGrades(REFERENCE, grades(QafGrade.C, null), "po-jones");
        returns.respondToGrades(REFERENCE, disagree("Still logged."), "pr-user");
    }

    @Test
    @DisplayName("Q7 Decision the provider answers within 4 weeks of the grades e-mail; accepting makes the grades final")
    void acceptWithinFourWeeks() {
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(qaf.getResponseDueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(new QafDeadlines(LONDON).respondBy(TODAY)).isEqualTo(TODAY.plusWeeks(4));

        returns.respondToGrades(REFERENCE, accept(), "pr-user");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.FINAL);
        assertThat(qaf.getFinalRoute()).isEqualTo(QafReturn.FinalRoute.ACCEPTED);
        assertThat(qaf.hasDGrade()).isFalse();
        assertThat(qaf.getPlanDueOn()).as("Q8 no D grade, no plan").isNull();
    }

    @Test
    @DisplayName("Q7 a disagreement on the deadline day is taken; the day after it is refused and nothing is written")
    void disagreementAfterTheDeadlineIsRefused() {
        clock.day(LocalDate.of(2026, 12, 1));
        assertThatThrownBy(() -> returns.respondToGrades(REFERENCE, disagree("Late evidence."), "pr-user"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q7: The deadline to disagree with the grades of QAF " + REFERENCE
                        + " was Mon 30 Nov 2026; the grades stand as told.");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.AGREED);
        assertThat(qaf.objective(CoreObjective.C1_3).getAppealEvidence()).isNull();

        clock.day(LocalDate.of(2026, 11, 30));
        returns.respondToGrades(REFERENCE, disagree("Drills are logged."), "pr-user");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.DISAGREED);
        assertThat(qaf.objective(CoreObjective.C1_3).getAppealEvidence()).isEqualTo("Drills are logged.");
    }

    @Test
    @DisplayName("Q7 disagreeing needs further evidence; the officer reconsiders with reasons; a new 4-week deadline; disagreeing again goes to the contracts manager")
    void reconsiderationThenFinalReview() {
        assertThatThrownBy(() -> returns.respondToGrades(REFERENCE, new GradesResponse(false, "  ", Map.of()), "pr-user"))
                .hasMessage("Q7: Say why you disagree: give further evidence for the grades you dispute, or overall.");
        assertThatThrownBy(() -> returns.reconsiderGrades(REFERENCE, grades(QafGrade.C, null), "po-jones"))
                .hasMessageContaining("grades are reconsidered when the provider disagrees");

        returns.respondToGrades(REFERENCE, new GradesResponse(false, "Please look again.", Map.of()), "pr-user");
        assertThat(qaf.getAppealEvidence()).isEqualTo("Please look again.");
        assertThatThrownBy(() -> returns.reconsiderGrades(REFERENCE, withD(CoreObjective.C1_2, null), "po-jones"))
                .hasMessage("Q7: C1.2 Support planning: the grade D differs from the claimed C; give the provider the"
                        + " written reason.");
        clock.day(LocalDate.of(2026, 11, 10));
        returns.reconsiderGrades(REFERENCE, grades(QafGrade.C, null), "po-jones");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.RECONSIDERED);
        assertThat(qaf.getResponseDueOn()).isEqualTo(LocalDate.of(2026, 12, 8));

        returns.respondToGrades(REFERENCE, disagree("Still logged."), "pr-user");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.FINAL_REVIEW);
        assertThatThrownBy(() -> returns.respondToGrades(REFERENCE, disagree("More."), "pr-user"))
                .hasMessage("Q7: The grades of QAF " + REFERENCE + " are with the contracts manager for the final"
                        + " decision; an appeal is no longer accepted.");
    }

    @Test
    @DisplayName("Q7 the contracts manager may order one visit first, decides with a note; an appeal after the final decision is refused")
    void finalDecisionThenNoAppeal() {
        toFinalReview();
        assertThatThrownBy(() -> returns.recordFinalVisit(REFERENCE, "Seen."))
                .hasMessageContaining("has no validation visit ordered");
        returns.decideFinalGrades(REFERENCE, new FinalDecision(true, Map.of(), null), "cm");
        assertThat(qaf.getFinalVisitOrdered()).isTrue();
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.FINAL_REVIEW);
        assertThatThrownBy(() -> returns.recordFinalVisit(REFERENCE, " "))
                .hasMessage("Q7: Record the findings of the validation visit.");
        returns.recordFinalVisit(REFERENCE, "No drill since March.");
        assertThatThrownBy(() -> returns.decideFinalGrades(REFERENCE, new FinalDecision(true, Map.of(), null), "cm"))
                .hasMessageContaining("The validation visit for the final decision has been made");
        assertThatThrownBy(() -> returns.decideFinalGrades(REFERENCE,
                new FinalDecision(false, grades(QafGrade.C, null), ""), "cm"))
                .hasMessage("Q7: Explain the final decision for the provider and the CSG.");

        returns.decideFinalGrades(REFERENCE, new FinalDecision(false, withD(CoreObjective.C1_3, "No drill since March."),
                "The visit confirmed C1.3 is below the standard."), "cm");
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.FINAL);
        assertThat(qaf.getFinalRoute()).isEqualTo(QafReturn.FinalRoute.FINAL_DECISION);
        assertThat(qaf.getFinalDecisionBy()).isEqualTo("cm");
        assertThat(qaf.objective(CoreObjective.C1_3).getAgreedGrade()).isEqualTo(QafGrade.D);

        assertThatThrownBy(() -> returns.respondToGrades(REFERENCE, disagree("Appeal."), "pr-user"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q7: The grades of QAF " + REFERENCE + " are final; an appeal is no longer accepted.");
        assertThat(QafMailModel.concerns(qaf)).contains("C1.3 Security, health and safety: Still logged.");
    }

    @Test
    @DisplayName("Q7 Decision no answer by the deadline is acceptance; a return already answered is left as it is")
    void noAnswerIsAcceptance() {
        returns.acceptByDefault(REFERENCE);
        assertThat(qaf.getStatus()).isEqualTo(QafStatus.FINAL);
        assertThat(qaf.getFinalRoute()).isEqualTo(QafReturn.FinalRoute.NO_RESPONSE);
        returns.acceptByDefault(REFERENCE);
        assertThat(qaf.getFinalRoute()).isEqualTo(QafReturn.FinalRoute.NO_RESPONSE);
    }

    @Test
    @DisplayName("Q7 records: the clerk ticks and dates the Swift entry; unticked, in the future or before the grades were final is refused")
    void swiftEntry() {
        assertThatThrownBy(() -> returns.recordSwiftEntry(REFERENCE, true, TODAY, "clerk"))
                .hasMessageContaining("grades are entered onto Swift once final");
        returns.respondToGrades(REFERENCE, accept(), "pr-user");
        assertThatThrownBy(() -> returns.recordSwiftEntry(REFERENCE, false, TODAY, "clerk"))
                .hasMessage("Q7: Tick to confirm the grades are entered onto Swift.");
        assertThatThrownBy(() -> returns.recordSwiftEntry(REFERENCE, true, TODAY.plusDays(1), "clerk"))
                .hasMessageContaining("must be between the day the grades were final (2026-11-02) and today");
        assertThatThrownBy(() -> returns.recordSwiftEntry(REFERENCE, true, TODAY.minusDays(1), "clerk"))
                .hasMessageContaining("must be between");
        returns.recordSwiftEntry(REFERENCE, true, TODAY, "clerk");
        assertThat(qaf.getSwiftEnteredOn()).isEqualTo(TODAY);
        assertThat(qaf.getSwiftEnteredBy()).isEqualTo("clerk");
    }

    @Test
    @DisplayName("Q8 any final D grade needs a plan due 2 weeks later, reviewed by both, validated one month after it came in; no improvement: a default-notice decision with a reason")
    void dGradePlan() {
        returns.respondToGrades(REFERENCE, disagree("Drills are logged."), "pr-user");
        returns.reconsiderGrades(REFERENCE, withD(CoreObjective.C1_6, "No complaints log."), "po-jones");
        returns.respondToGrades(REFERENCE, accept(), "pr-user");
        assertThat(qaf.hasDGrade()).isTrue();
        assertThat(qaf.getPlanDueOn()).isEqualTo(LocalDate.of(2026, 11, 16));

        assertThatThrownBy(() -> returns.reviewImprovementPlan(REFERENCE, false, "Fine.", "po-jones"))
                .hasMessageContaining("has no improvement plan to review");
        assertThatThrownBy(() -> returns.submitImprovementPlan(REFERENCE, " ", "pr-user"))
                .hasMessage("Q8: Write the improvement plan for the objectives graded D.");
        clock.day(LocalDate.of(2026, 11, 12));
        returns.submitImprovementPlan(REFERENCE, "A complaints log from Monday.", "pr-user");
        assertThat(qaf.getImprovementPlan()).isEqualTo("A complaints log from Monday.");
        assertThat(qaf.getImprovementValidationOn()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThatThrownBy(() -> returns.submitImprovementPlan(REFERENCE, "Again.", "pr-user"))
                .hasMessageContaining("is already in");

        returns.reviewImprovementPlan(REFERENCE, false, "Realistic.", "po-jones");
        assertThatThrownBy(() -> returns.validateImprovement(REFERENCE, false, "None.", "po-jones"))
                .hasMessageContaining("after both the officer and the contracts manager have reviewed it");
        returns.reviewImprovementPlan(REFERENCE, true, "Agreed.", "cm");
        assertThat(qaf.getPlanManagerReviewedBy()).isEqualTo("cm");
        assertThatThrownBy(() -> returns.decideDefaultNotice(REFERENCE, true, "Why.", "cm"))
                .hasMessageContaining("no validation finding no improvement");
        assertThatThrownBy(() -> returns.validateImprovement(REFERENCE, null, "None.", "po-jones"))
                .hasMessage("Q8: Say whether the service has improved.");
        returns.validateImprovement(REFERENCE, false, "No log in use.", "po-jones");
        assertThatThrownBy(() -> returns.decideDefaultNotice(REFERENCE, true, null, "cm"))
                .hasMessage("Q8: Give the reason for the decision on the default notice.");
        returns.decideDefaultNotice(REFERENCE, true, "No improvement in a month.", "cm");
        assertThat(qaf.getDefaultNotice()).isTrue();
        assertThat(qaf.getDefaultNoticeDecidedBy()).isEqualTo("cm");
    }

    @Test
    @DisplayName("Q8 without a final D grade no improvement plan is asked for")
    void noDGradeNoPlan() {
        returns.respondToGrades(REFERENCE, accept(), "pr-user");
        assertThatThrownBy(() -> returns.submitImprovementPlan(REFERENCE, "Plan.", "pr-user"))
                .hasMessage("Q8: QAF " + REFERENCE + " has no final D grade; no improvement plan is needed.");
    }
}
