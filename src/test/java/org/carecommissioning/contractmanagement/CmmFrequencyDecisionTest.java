package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision table {@code cmm-frequency} (dmn/cmm-frequency.dmn), rule C1. */
@DisplayName("C1 cmm-frequency decision")
class CmmFrequencyDecisionTest {

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parse() {
        dmn = new DmnTestSupport("cmm-frequency");
    }

    @ParameterizedTest(name = "{0} -> every {1} months via {2}")
    @CsvSource({"GREEN, 12, Rule_Green", "AMBER, 6, Rule_Amber", "RED, 3, Rule_Red"})
    @DisplayName("C1 GREEN every 12 months, AMBER every 6, RED every 3")
    void frequencyPerPriority(String level, int months, String rule) {
        DmnTestSupport.Evaluation evaluation = dmn.evaluate(Variables.createVariables().putValue("priorityLevel", level));
        assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("monthsBetweenMeetings").containsEntry("monthsBetweenMeetings", months);
    }

    @ParameterizedTest
    @ValueSource(strings = {"green", "BLUE", ""})
    @DisplayName("C1 an unknown priority level matches no row")
    void unknownLevel(String level) {
        assertThat(dmn.evaluate(Variables.createVariables().putValue("priorityLevel", level)).result()).isEmpty();
    }

    @Test
    @DisplayName("C1 X3 every row names its rule; three rows; history time to live and version tag set")
    void traceable() {
        DmnTestSupport.assertTraceableDecision("cmm-frequency", 3);
    }
}
