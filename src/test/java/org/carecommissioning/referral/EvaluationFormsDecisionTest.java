package org.carecommissioning.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision table {@code evaluation-forms} (dmn/evaluation-forms.dmn), rule R8 (with R3). */
@DisplayName("R8 evaluation-forms decision")
class EvaluationFormsDecisionTest {

    private static final String KEY = "evaluation-forms";
    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(int treatments) {
        return dmn.evaluate(Variables.createVariables().putValue("treatments", treatments));
    }

    @ParameterizedTest(name = "{0} treatment(s) -> diary={1}, finalForm={2} via {3}")
    @CsvSource({
            "1, false, short-evaluation, Rule_OneOff",
            "4, true,  final-evaluation, Rule_Series",
            "5, true,  final-evaluation, Rule_Series",
            "6, true,  final-evaluation, Rule_Series",
            "7, true,  final-evaluation, Rule_Series",
    })
    @DisplayName("R8 a one-off ends with a short evaluation form; a series of 4 or more needs a diary after each treatment and a final evaluation form")
    void formsForPlan(int treatments, boolean diaryAfterEachTreatment, String finalForm,
            String expectedRule) {
        DmnTestSupport.Evaluation evaluation = evaluate(treatments);

        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("diaryAfterEachTreatment", "finalForm")
                .containsEntry("diaryAfterEachTreatment", diaryAfterEachTreatment)
                .containsEntry("finalForm", finalForm);
    }

    @ParameterizedTest(name = "{0} treatment(s) -> no result")
    @CsvSource({"-1", "0", "2", "3"})
    @DisplayName("R8/R3 counts that are not an allowed plan (0, 2, 3) match no row and give an empty result")
    void notAnAllowedPlan(int treatments) {
        DmnTestSupport.Evaluation evaluation = evaluate(treatments);

        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("R8/X3 every evaluation-forms rule is annotated with its rule ID; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 2);
    }
}
