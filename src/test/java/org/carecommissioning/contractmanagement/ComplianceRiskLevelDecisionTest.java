package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision table {@code compliance-risk-level} (dmn/compliance-risk-level.dmn), rule C3 with seed 004 part 3.1
 * appendix 2: a clause's risk is the highest level that any one of its answers points to. The table has hit policy
 * FIRST, so the order of its rows (High, then Medium, then Low) is tested as well as every row.
 */
@DisplayName("C3 compliance-risk-level decision")
class ComplianceRiskLevelDecisionTest {

    private static final String KEY = "compliance-risk-level";
    private static DmnTestSupport dmn;

    /** Each input's answers and the level each points to (appendix 2), Low answer first. */
    private static final Map<String, List<Object>> ANSWERS = Map.of(
            "internalDisruption", List.of("none", "minor", "noticeable"),
            "serviceDisruption", List.of("none", "possible", "loss"),
            "serviceUserImpact", List.of("none", "some", "health-and-safety"),
            "reputationDamage", List.of("none", "minimal", "damage"),
            "financialImpact", List.of("none", "low", "significant"),
            "clauseComplied", List.of(true, false),
            "defaultNoticePossible", List.of(false, true));
    private static final List<String> LEVELS = List.of("Low", "Medium", "High");

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    /** Every input at its Low answer: none/none/none/none/none, clause complied, no default notice possible. */
    private static VariableMap lowAnswers() {
        return Variables.createVariables()
                .putValue("internalDisruption", "none")
                .putValue("serviceDisruption", "none")
                .putValue("serviceUserImpact", "none")
                .putValue("reputationDamage", "none")
                .putValue("financialImpact", "none")
                .putValue("clauseComplied", true)
                .putValue("defaultNoticePossible", false);
    }

    /** The CSV's text answer, as a boolean for the two boolean inputs. */
    private static Object answer(String input, String text) {
        return input.equals("clauseComplied") || input.equals("defaultNoticePossible")
                ? Boolean.valueOf(text) : text;
    }

    private static void assertRisk(DmnTestSupport.Evaluation evaluation, String expectedLevel, String expectedRule) {
        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("riskLevel")
                .containsEntry("riskLevel", expectedLevel);
    }

    @ParameterizedTest(name = "{0}={1}, every other answer Low -> {2} via {3}")
    @CsvSource({
            "internalDisruption,    noticeable,        High,   Rule_HighInternal",
            "serviceDisruption,     loss,              High,   Rule_HighService",
            "serviceUserImpact,     health-and-safety, High,   Rule_HighServiceUsers",
            "reputationDamage,      damage,            High,   Rule_HighReputation",
            "financialImpact,       significant,       High,   Rule_HighFinancial",
            "defaultNoticePossible, true,              High,   Rule_HighDefaultNotice",
            "internalDisruption,    minor,             Medium, Rule_MediumInternal",
            "serviceDisruption,     possible,          Medium, Rule_MediumService",
            "serviceUserImpact,     some,              Medium, Rule_MediumServiceUsers",
            "reputationDamage,      minimal,           Medium, Rule_MediumReputation",
            "financialImpact,       low,               Medium, Rule_MediumFinancial",
            "clauseComplied,        false,             Medium, Rule_MediumNotComplied",
    })
    @DisplayName("C3 each High and Medium definition of appendix 2 alone sets its level")
    void everyRowFiresAlone(String input, String value, String expectedLevel, String expectedRule) {
        VariableMap variables = lowAnswers().putValue(input, answer(input, value));

        assertRisk(dmn.evaluate(variables), expectedLevel, expectedRule);
    }

    @Test
    @DisplayName("C3 Low when no Medium or High definition applies (all answers Low)")
    void allLowIsLow() {
        assertRisk(dmn.evaluate(lowAnswers()), "Low", "Rule_Low");
    }

    @Test
    @DisplayName("C3 a clause not being complied with, alone, is Medium")
    void clauseNotCompliedAloneIsMedium() {
        assertRisk(dmn.evaluate(lowAnswers().putValue("clauseComplied", false)), "Medium",
                "Rule_MediumNotComplied");
    }

    @Test
    @DisplayName("C3 the possibility of a default notice, alone, is High")
    void defaultNoticePossibleAloneIsHigh() {
        assertRisk(dmn.evaluate(lowAnswers().putValue("defaultNoticePossible", true)), "High",
                "Rule_HighDefaultNotice");
    }

    @Test
    @DisplayName("C3 a Medium answer and a High answer together give High (the highest level applies)")
    void mediumAndHighIsHigh() {
        VariableMap variables = lowAnswers()
                .putValue("internalDisruption", "minor")
                .putValue("financialImpact", "significant");

        assertRisk(dmn.evaluate(variables), "High", "Rule_HighFinancial");
    }

    @ParameterizedTest(name = "every answer Medium and {0}={1} -> High via {2}")
    @CsvSource({
            "internalDisruption,    noticeable,        Rule_HighInternal",
            "serviceDisruption,     loss,              Rule_HighService",
            "serviceUserImpact,     health-and-safety, Rule_HighServiceUsers",
            "reputationDamage,      damage,            Rule_HighReputation",
            "financialImpact,       significant,       Rule_HighFinancial",
            "defaultNoticePossible, true,              Rule_HighDefaultNotice",
    })
    @DisplayName("C3 one High answer among Medium answers everywhere else gives High")
    void oneHighAmongMediumsIsHigh(String input, String value, String expectedRule) {
        VariableMap variables = Variables.createVariables()
                .putValue("internalDisruption", "minor")
                .putValue("serviceDisruption", "possible")
                .putValue("serviceUserImpact", "some")
                .putValue("reputationDamage", "minimal")
                .putValue("financialImpact", "low")
                .putValue("clauseComplied", false)
                .putValue("defaultNoticePossible", false)
                .putValue(input, answer(input, value));

        assertRisk(dmn.evaluate(variables), "High", expectedRule);
    }

    @Test
    @DisplayName("C3 two Medium answers give Medium, not High")
    void twoMediumsStayMedium() {
        VariableMap variables = lowAnswers()
                .putValue("serviceUserImpact", "some")
                .putValue("clauseComplied", false);

        assertRisk(dmn.evaluate(variables), "Medium", "Rule_MediumServiceUsers");
    }

    /** Every combination of answers: 3^5 for the five three-answer inputs times 2^2 for the two booleans. */
    private static List<Map<String, Object>> everyCombination() {
        List<Map<String, Object>> combinations = List.of(Map.of());
        for (String input : ANSWERS.keySet()) {
            List<Map<String, Object>> extended = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : ANSWERS.get(input)) {
                    Map<String, Object> next = new HashMap<>(partial);
                    next.put(input, value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    /** The level one answer points to: its position in {@link #ANSWERS}, except that defaultNoticePossible is High. */
    private static int level(String input, Object answer) {
        int position = ANSWERS.get(input).indexOf(answer);
        return input.equals("defaultNoticePossible") && position == 1 ? 2 : position;
    }

    @Test
    @DisplayName("C3 for all 972 combinations of answers the level is the highest any one answer points to")
    void highestLevelForEveryCombination() {
        List<Map<String, Object>> all = everyCombination();
        assertThat(all).hasSize(3 * 3 * 3 * 3 * 3 * 2 * 2);
        for (Map<String, Object> answers : all) {
            int highest = answers.entrySet().stream()
                    .mapToInt(answer -> level(answer.getKey(), answer.getValue()))
                    .max().orElseThrow();
            DmnTestSupport.Evaluation evaluation = dmn.evaluate(Variables.fromMap(answers));
            assertThat(evaluation.matchedRuleIds()).as("%s", answers).hasSize(1);
            assertThat(evaluation.matchedRuleIds().get(0)).as("%s", answers)
                    .startsWith("Rule_" + LEVELS.get(highest));
            assertThat(evaluation.result().getSingleResult().getEntryMap()).as("%s", answers)
                    .containsOnlyKeys("riskLevel")
                    .containsEntry("riskLevel", LEVELS.get(highest));
        }
    }

    @Test
    @DisplayName("C3 FIRST hit policy: all High rows come before all Medium rows, and one Low row matching everything is last")
    void rowsAreOrderedHighMediumLow() {
        List<Rule> rules = List.copyOf(DmnTestSupport.model(KEY).getModelElementsByType(Rule.class));
        List<String> levels = rules.stream().map(ComplianceRiskLevelDecisionTest::outputLevel).toList();

        assertThat(levels).containsExactly(
                "High", "High", "High", "High", "High", "High",
                "Medium", "Medium", "Medium", "Medium", "Medium", "Medium",
                "Low");
        Rule low = rules.get(rules.size() - 1);
        assertThat(low.getInputEntries()).hasSize(7)
                .allSatisfy(entry -> assertThat(entry.getText().getTextContent().trim()).isIn("", "-"));
        for (Rule rule : rules) {
            String level = outputLevel(rule);
            assertThat(rule.getDescription().getTextContent())
                    .as("annotation of %s names C3 and its level", rule.getId())
                    .startsWith("C3 " + level + ": ");
            assertThat(rule.getId()).startsWith("Rule_" + level);
            if (rule != low) {
                assertThat(rule.getInputEntries().stream()
                        .filter(entry -> !entry.getText().getTextContent().trim().equals("-")))
                        .as("%s tests exactly one input", rule.getId())
                        .hasSize(1);
            }
        }
    }

    private static String outputLevel(Rule rule) {
        List<OutputEntry> outputs = List.copyOf(rule.getOutputEntries());
        assertThat(outputs).hasSize(1);
        return outputs.get(0).getText().getTextContent().trim().replace("\"", "");
    }

    @Test
    @DisplayName("C3/X3 every compliance-risk-level rule is annotated with its rule ID; hit policy FIRST; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 13, HitPolicy.FIRST);
    }
}
