package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision table {@code qaf-validation-visit} (dmn/qaf-validation-visit.dmn), rule Q5: a validation visit when the
 * claim moved two or more grades from the latest agreed QAF, an A is claimed, there are concerns, the service is in
 * the procurement review, or the return's kept draw is below 10 (the 10% random sample). Hit policy FIRST, so the
 * reason is the first condition that applies, in the order of the contract's reason list.
 */
@DisplayName("Q5 qaf-validation-visit decision")
class QafValidationVisitDecisionTest {

    private static final String KEY = "qaf-validation-visit";

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(int change, boolean gradeA, boolean concerns, boolean procurement,
            double draw) {
        return dmn.evaluate(Variables.createVariables()
                .putValue("largestGradeChange", change)
                .putValue("gradeAClaimed", gradeA)
                .putValue("concernsRaised", concerns)
                .putValue("inProcurementReview", procurement)
                .putValue("sampleDraw", draw));
    }

    private static void assertVisit(DmnTestSupport.Evaluation evaluation, boolean visit, String reason, String rule) {
        assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("validationVisit", "reason")
                .containsEntry("validationVisit", visit)
                .containsEntry("reason", reason);
    }

    @ParameterizedTest(name = "change={0}, A={1}, concerns={2}, procurement={3}, draw={4} -> {5} {6}")
    @CsvSource({
            "2, false, false, false, 50,    true,  grade-change,       Rule_GradeChange",
            "3, false, false, false, 99.99, true,  grade-change,       Rule_GradeChange",
            "0, true,  false, false, 50,    true,  grade-a-claimed,    Rule_GradeAClaimed",
            "1, false, true,  false, 50,    true,  concerns,           Rule_Concerns",
            "0, false, false, true,  50,    true,  procurement-review, Rule_ProcurementReview",
            "1, false, false, false, 0,     true,  random-sample,      Rule_RandomSample",
            "0, false, false, false, 5.5,   true,  random-sample,      Rule_RandomSample",
            "1, false, false, false, 50,    false, none,               Rule_None",
            "0, false, false, false, 99.99, false, none,               Rule_None",
    })
    @DisplayName("Q5 every row: each condition alone gives a visit with its reason; none of them gives no visit")
    void everyRow(int change, boolean gradeA, boolean concerns, boolean procurement, double draw, boolean visit,
            String reason, String rule) {
        assertVisit(evaluate(change, gradeA, concerns, procurement, draw), visit, reason, rule);
    }

    @Test
    @DisplayName("Q5 Decision: a change of two grades is significant, one grade is not")
    void gradeChangeBoundary() {
        assertVisit(evaluate(2, false, false, false, 50), true, "grade-change", "Rule_GradeChange");
        assertVisit(evaluate(1, false, false, false, 50), false, "none", "Rule_None");
    }

    @Test
    @DisplayName("Q5 Decision: the random sample is a draw below 10: 9.99 is drawn, 10 is not")
    void randomSampleBoundary() {
        assertVisit(evaluate(0, false, false, false, 9.99), true, "random-sample", "Rule_RandomSample");
        assertVisit(evaluate(0, false, false, false, 10), false, "none", "Rule_None");
    }

    @Test
    @DisplayName("Q5 a draw sent as an integer (e.g. over REST) is compared like a double: 9 drawn, 10 not")
    void integerDraw() {
        assertVisit(dmn.evaluate(Variables.createVariables()
                .putValue("largestGradeChange", 0).putValue("gradeAClaimed", false)
                .putValue("concernsRaised", false).putValue("inProcurementReview", false)
                .putValue("sampleDraw", 9)), true, "random-sample", "Rule_RandomSample");
        assertVisit(dmn.evaluate(Variables.createVariables()
                .putValue("largestGradeChange", 0).putValue("gradeAClaimed", false)
                .putValue("concernsRaised", false).putValue("inProcurementReview", false)
                .putValue("sampleDraw", 10)), false, "none", "Rule_None");
    }

    @ParameterizedTest(name = "change={0}, A={1}, concerns={2}, procurement={3}, draw={4} -> {5}")
    @CsvSource({
            "2, true,  true,  true,  0,  grade-change,       Rule_GradeChange",
            "3, true,  false, false, 50, grade-change,       Rule_GradeChange",
            "1, true,  true,  true,  0,  grade-a-claimed,    Rule_GradeAClaimed",
            "0, true,  false, true,  50, grade-a-claimed,    Rule_GradeAClaimed",
            "1, false, true,  true,  0,  concerns,           Rule_Concerns",
            "0, false, true,  false, 5,  concerns,           Rule_Concerns",
            "1, false, false, true,  0,  procurement-review, Rule_ProcurementReview",
    })
    @DisplayName("Q5 FIRST: when several conditions apply, the reason is the first in the order grade-change, "
            + "grade-a-claimed, concerns, procurement-review, random-sample")
    void precedence(int change, boolean gradeA, boolean concerns, boolean procurement, double draw, String reason,
            String rule) {
        assertVisit(evaluate(change, gradeA, concerns, procurement, draw), true, reason, rule);
    }

    @Test
    @DisplayName("Q5 the rows are in the order of the reason list, the last one a catch-all for no visit")
    void rowOrder() {
        List<String> ids = DmnTestSupport.model(KEY).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId).toList();
        assertThat(ids).containsExactly("Rule_GradeChange", "Rule_GradeAClaimed", "Rule_Concerns",
                "Rule_ProcurementReview", "Rule_RandomSample", "Rule_None");
    }

    @Test
    @DisplayName("Q5/X3 every qaf-validation-visit rule is annotated with its rule ID; FIRST hit policy; history time to live set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 6, HitPolicy.FIRST);
    }
}
