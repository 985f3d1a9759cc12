package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision table {@code compliance-risk-level} (dmn/compliance-risk-level.dmn), rule C3 and appendix 2. */
@DisplayName("C3 compliance-risk-level decision")
class ComplianceRiskLevelDecisionTest {

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parse() {
        dmn = new DmnTestSupport("compliance-risk-level");
    }

    /** Every answer at its Low value. */
    private static VariableMap low() {
        return Variables.createVariables()
                .putValue("internalDisruption", "none").putValue("serviceDisruption", "none")
                .putValue("serviceUserImpact", "none").putValue("reputationDamage", "none")
                .putValue("financialImpact", "none").putValue("clauseComplied", true)
                .putValue("defaultNoticePossible", false);
    }

    private static DmnTestSupport.Evaluation evaluate(VariableMap variables) {
        return dmn.evaluate(variables);
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} via {3}")
    @CsvSource({
            "internalDisruption, noticeable, High, Rule_HighInternal",
            "serviceDisruption, loss, High, Rule_HighService",
            "serviceUserImpact, health-and-safety, High, Rule_HighServiceUsers",
            "reputationDamage, damage, High, Rule_HighReputation",
            "financialImpact, significant, High, Rule_HighFinancial",
            "internalDisruption, minor, Medium, Rule_MediumInternal",
            "serviceDisruption, possible, Medium, Rule_MediumService",
            "serviceUserImpact, some, Medium, Rule_MediumServiceUsers",
            "reputationDamage, minimal, Medium, Rule_MediumReputation",
            "financialImpact, low, Medium, Rule_MediumFinancial"})
    @DisplayName("C3 any one answer sets the clause's level (appendix 2)")
    void oneAnswerSetsTheLevel(String input, String value, String level, String rule) {
        DmnTestSupport.Evaluation evaluation = evaluate(low().putValue(input, value));
        assertThat(evaluation.matchedRuleIds()).first().isEqualTo(rule);
        assertThat(evaluation.result().getFirstResult().getEntryMap()).containsExactlyEntriesOf(
                java.util.Map.of("riskLevel", level));
    }

    @Test
    @DisplayName("C3 a clause not complied with is Medium; a possible default notice is High")
    void booleans() {
        assertThat(evaluate(low().putValue("clauseComplied", false)).matchedRuleIds()).first()
                .isEqualTo("Rule_MediumNotComplied");
        assertThat(evaluate(low().putValue("clauseComplied", false)).result().getFirstResult().getEntryMap().get("riskLevel"))
                .isEqualTo("Medium");
        assertThat(evaluate(low().putValue("defaultNoticePossible", true)).matchedRuleIds()).first()
                .isEqualTo("Rule_HighDefaultNotice");
        assertThat(evaluate(low().putValue("defaultNoticePossible", true)).result().getFirstResult()
                .getEntryMap().get("riskLevel")).isEqualTo("High");
    }

    @Test
    @DisplayName("C3 the highest level any one answer points to wins: Medium and High together give High")
    void highestWins() {
        VariableMap mixed = low().putValue("internalDisruption", "minor").putValue("clauseComplied", false)
                .putValue("financialImpact", "significant");
        assertThat(evaluate(mixed).result().getFirstResult().getEntryMap().get("riskLevel")).isEqualTo("High");
        assertThat(evaluate(mixed).matchedRuleIds()).first().isEqualTo("Rule_HighFinancial");
    }

    @Test
    @DisplayName("C3 with no definition applying the clause is Low")
    void allLow() {
        DmnTestSupport.Evaluation evaluation = evaluate(low());
        assertThat(evaluation.matchedRuleIds()).first().isEqualTo("Rule_Low");
        assertThat(evaluation.result().getFirstResult().getEntryMap().get("riskLevel")).isEqualTo("Low");
    }

    @Test
    @DisplayName("C3 X3 every row names its rule; 13 rows in FIRST order; history time to live and version tag set")
    void traceable() {
        DmnTestSupport.assertTraceableDecision("compliance-risk-level", 13, HitPolicy.FIRST);
    }
}
