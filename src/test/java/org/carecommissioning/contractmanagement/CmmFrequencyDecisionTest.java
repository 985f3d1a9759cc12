package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision table {@code cmm-frequency} (dmn/cmm-frequency.dmn), rule C1. */
@DisplayName("C1 cmm-frequency decision")
class CmmFrequencyDecisionTest {

    private static final String KEY = "cmm-frequency";
    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(String priorityLevel) {
        return dmn.evaluate(Variables.createVariables().putValue("priorityLevel", priorityLevel));
    }

    @ParameterizedTest(name = "{0} -> a meeting every {1} months via {2}")
    @CsvSource({
            "GREEN, 12, Rule_Green",
            "AMBER, 6,  Rule_Amber",
            "RED,   3,  Rule_Red",
    })
    @DisplayName("C1 GREEN meets every 12 months, AMBER every 6, RED every 3")
    void monthsBetweenMeetings(String priorityLevel, int expectedMonths, String expectedRule) {
        DmnTestSupport.Evaluation evaluation = evaluate(priorityLevel);

        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("monthsBetweenMeetings")
                .containsEntry("monthsBetweenMeetings", expectedMonths);
    }

    @ParameterizedTest(name = "priorityLevel=\"{0}\" -> no result")
    @ValueSource(strings = {"PURPLE", "green", "Red", "", " AMBER"})
    @NullSource
    @DisplayName("C1 an unknown priority level (other words, other case, blank, missing) matches no row and gives an empty result")
    void unknownLevelMatchesNothing(String priorityLevel) {
        DmnTestSupport.Evaluation evaluation = evaluate(priorityLevel);

        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("C1/X3 every cmm-frequency rule is annotated with its rule ID; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 3);
    }
}
