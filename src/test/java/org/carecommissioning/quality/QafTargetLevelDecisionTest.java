package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision table {@code qaf-target-level} (dmn/qaf-target-level.dmn), rule Q2: the year's target performance level
 * stated in the issue e-mail. Decision: C up to 2026/27, B from 2027/28; a year not written like 2026/27 matches no
 * row and the issue step refuses it.
 */
@DisplayName("Q2 qaf-target-level decision")
class QafTargetLevelDecisionTest {

    private static final String KEY = "qaf-target-level";

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(String year) {
        return dmn.evaluate(Variables.createVariables().putValue("year", year));
    }

    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource({
            "2024/25, C, Rule_UpTo2026_27",
            "2025/26, C, Rule_UpTo2026_27",
            "2026/27, C, Rule_UpTo2026_27",
            "2027/28, B, Rule_From2027_28",
            "2030/31, B, Rule_From2027_28",
    })
    @DisplayName("Q2 every row, with the boundary 2026/27 (C) vs 2027/28 (B)")
    void everyRow(String year, String grade, String rule) {
        DmnTestSupport.Evaluation evaluation = evaluate(year);

        assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().getEntryMap()).containsOnlyKeys("targetGrade")
                .containsEntry("targetGrade", grade);
    }

    @ParameterizedTest(name = "year ''{0}'' -> no result")
    @ValueSource(strings = {"", "2026", "2026-27", "2027-28", "26/27", "2026/2027", "next year"})
    @DisplayName("Q2 a year not written like 2026/27 matches no row, so the issue step refuses it")
    void malformedYearMatchesNothing(String year) {
        DmnTestSupport.Evaluation evaluation = evaluate(year);

        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("Q2/X3 every qaf-target-level rule is annotated with its rule ID; history time to live set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 2);
    }
}
