package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision table {@code treatment-plan} (dmn/treatment-plan.dmn), rule R3. */
@DisplayName("R3 treatment-plan decision")
class TreatmentPlanDecisionTest {

    private static final String KEY = "treatment-plan";
    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(int treatments) {
        return dmn.evaluate(Variables.createVariables().putValue("treatments", treatments));
    }

    @ParameterizedTest(name = "{0} treatment(s) -> allowed, planType={1} via {2}")
    @CsvSource({
            "1, one-off, Rule_OneOff",
            "4, series,  Rule_Series",
            "5, series,  Rule_Series",
            "6, series,  Rule_Series",
    })
    @DisplayName("R3 a one-off treatment (1) or a series of 4 to 6 is allowed with its plan type")
    void allowedPlans(int treatments, String expectedPlanType, String expectedRule) {
        DmnTestSupport.Evaluation evaluation = evaluate(treatments);

        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        DmnDecisionResultEntries entries = evaluation.result().getSingleResult();
        assertThat(entries.getEntryMap())
                .containsOnlyKeys("allowed", "planType")
                .containsEntry("allowed", true)
                .containsEntry("planType", expectedPlanType);
    }

    @ParameterizedTest(name = "{0} treatment(s) -> refused via {1}")
    @CsvSource({
            "-1, Rule_TooFew",
            "0,  Rule_TooFew",
            "2,  Rule_BetweenOneOffAndSeries",
            "3,  Rule_BetweenOneOffAndSeries",
            "7,  Rule_TooMany",
            "12, Rule_TooMany",
    })
    @DisplayName("R3 any other count (below 1, 2 or 3, above 6) is refused with no plan type")
    void refusedCounts(int treatments, String expectedRule) {
        DmnTestSupport.Evaluation evaluation = evaluate(treatments);

        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        DmnDecisionResultEntries entries = evaluation.result().getSingleResult();
        // The planType cell is empty, so Camunda leaves planType out of the result altogether
        // (getEntry("planType") would throw a NullPointerException; read it via getEntryMap()).
        assertThat(entries.getEntryMap())
                .containsOnlyKeys("allowed")
                .containsEntry("allowed", false);
        assertThat(entries.getEntryMap().get("planType")).isNull();
    }

    @Test
    @DisplayName("R3/X3 every treatment-plan rule is annotated with its rule ID; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 5);
    }
}
