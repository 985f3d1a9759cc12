package org.carecommissioning.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.carecommissioning.support.DmnTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision table {@code pi-trigger} (dmn/pi-trigger.dmn), rules PI3 (yearly minimum thresholds that an analyst
 * edits), PI4 (no trigger missed) and PI5 (a missed trigger needs an explanation); red font for availability,
 * utilisation and staffing (seed 004 part 3.2, 3.1.1). The thresholds are the analyst-set figures for 2025/26 and
 * 2026/27.
 */
@DisplayName("PI3 pi-trigger decision")
class PiTriggerDecisionTest {

    private static final String KEY = "pi-trigger";
    private static final List<String> INDICATORS = List.of("KPI1", "KPI2", "SPI1", "SPI2", "SPI3", "SPI4");
    private static final Set<String> RED_FONT_INDICATORS = Set.of("SPI1", "SPI2", "SPI3");
    private static final Pattern BELOW = Pattern.compile("^<\\s*(\\d+(?:\\.\\d+)?)$");
    private static final Pattern AT_OR_ABOVE = Pattern.compile("^>=\\s*(\\d+(?:\\.\\d+)?)$");
    private static final Pattern QUOTED = Pattern.compile("^\"([^\"]+)\"$");

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(DmnTestSupport table, String indicator, String year,
            Object value) {
        return table.evaluate(Variables.createVariables()
                .putValue("indicator", indicator)
                .putValue("year", year)
                .putValue("value", value));
    }

    private static void assertTrigger(DmnTestSupport.Evaluation evaluation, double expectedThreshold,
            boolean expectedBreached, boolean expectedRedFont, String expectedRule) {
        assertThat(evaluation.matchedRuleIds()).containsExactly(expectedRule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsOnlyKeys("threshold", "breached", "redFont")
                .containsEntry("threshold", expectedThreshold)
                .containsEntry("breached", expectedBreached)
                .containsEntry("redFont", expectedRedFont);
    }

    private static String ruleId(String year, String indicator, boolean breached) {
        return "Rule_" + year.replace('/', '_') + "_" + indicator + (breached ? "_Breached" : "_Met");
    }

    @ParameterizedTest(name = "{0} {1} value {2}% -> threshold {3}, breached={4}, redFont={5} via {6}")
    @CsvSource({
            "2025/26, KPI1, 80.5,  90, true,  false, Rule_2025_26_KPI1_Breached",
            "2025/26, KPI1, 96,    90, false, false, Rule_2025_26_KPI1_Met",
            "2025/26, KPI2, 60,    70, true,  false, Rule_2025_26_KPI2_Breached",
            "2025/26, KPI2, 72.5,  70, false, false, Rule_2025_26_KPI2_Met",
            "2025/26, SPI1, 94,    95, true,  true,  Rule_2025_26_SPI1_Breached",
            "2025/26, SPI1, 100,   95, false, false, Rule_2025_26_SPI1_Met",
            "2025/26, SPI2, 0,     90, true,  true,  Rule_2025_26_SPI2_Breached",
            "2025/26, SPI2, 91,    90, false, false, Rule_2025_26_SPI2_Met",
            "2025/26, SPI3, 45.2,  90, true,  true,  Rule_2025_26_SPI3_Breached",
            "2025/26, SPI3, 90.5,  90, false, false, Rule_2025_26_SPI3_Met",
            "2025/26, SPI4, 84,    85, true,  false, Rule_2025_26_SPI4_Breached",
            "2025/26, SPI4, 87,    85, false, false, Rule_2025_26_SPI4_Met",
            "2026/27, KPI1, 91,    92, true,  false, Rule_2026_27_KPI1_Breached",
            "2026/27, KPI1, 93,    92, false, false, Rule_2026_27_KPI1_Met",
            "2026/27, KPI2, 72.5,  75, true,  false, Rule_2026_27_KPI2_Breached",
            "2026/27, KPI2, 80,    75, false, false, Rule_2026_27_KPI2_Met",
            "2026/27, SPI1, 50,    95, true,  true,  Rule_2026_27_SPI1_Breached",
            "2026/27, SPI1, 97.3,  95, false, false, Rule_2026_27_SPI1_Met",
            "2026/27, SPI2, 91,    92, true,  true,  Rule_2026_27_SPI2_Breached",
            "2026/27, SPI2, 150,   92, false, false, Rule_2026_27_SPI2_Met",
            "2026/27, SPI3, 89,    90, true,  true,  Rule_2026_27_SPI3_Breached",
            "2026/27, SPI3, 99,    90, false, false, Rule_2026_27_SPI3_Met",
            "2026/27, SPI4, 10,    85, true,  false, Rule_2026_27_SPI4_Breached",
            "2026/27, SPI4, 85.5,  85, false, false, Rule_2026_27_SPI4_Met",
    })
    @DisplayName("PI3/PI4/PI5 every row: a value below the year's minimum for the indicator is a breach, at or above it is met")
    void everyRow(String year, String indicator, double value, double expectedThreshold, boolean expectedBreached,
            boolean expectedRedFont, String expectedRule) {
        assertTrigger(evaluate(dmn, indicator, year, value), expectedThreshold, expectedBreached, expectedRedFont,
                expectedRule);
    }

    @ParameterizedTest(name = "{0} {1}: {3}% is breached, {2}% is not")
    @CsvSource({
            "2025/26, KPI1, 90, 89.99",
            "2025/26, KPI2, 70, 69.99",
            "2025/26, SPI1, 95, 94.99",
            "2025/26, SPI2, 90, 89.99",
            "2025/26, SPI3, 90, 89.99",
            "2025/26, SPI4, 85, 84.99",
            "2026/27, KPI1, 92, 91.99",
            "2026/27, KPI2, 75, 74.99",
            "2026/27, SPI1, 95, 94.99",
            "2026/27, SPI2, 92, 91.99",
            "2026/27, SPI3, 90, 89.99",
            "2026/27, SPI4, 85, 84.99",
    })
    @DisplayName("PI3 a value exactly at the minimum threshold is not a breach; 0.01 below it is")
    void boundaries(String year, String indicator, double threshold, double justBelow) {
        boolean red = RED_FONT_INDICATORS.contains(indicator);

        assertTrigger(evaluate(dmn, indicator, year, threshold), threshold, false, false,
                ruleId(year, indicator, false));
        assertTrigger(evaluate(dmn, indicator, year, justBelow), threshold, true, red,
                ruleId(year, indicator, true));
    }

    @ParameterizedTest(name = "{0} 2026/27 below the minimum -> redFont={1}")
    @CsvSource({
            "KPI1, false",
            "KPI2, false",
            "SPI1, true",
            "SPI2, true",
            "SPI3, true",
            "SPI4, false",
    })
    @DisplayName("PI3 red font only for a breach of SPI1 availability, SPI2 utilisation or SPI3 staffing, never when met")
    void redFontOnlyForAvailabilityUtilisationStaffingBreaches(String indicator, boolean expectedRedFont) {
        DmnTestSupport.Evaluation breach = evaluate(dmn, indicator, "2026/27", 1.0);
        assertThat(breach.result().getSingleResult().getEntryMap())
                .containsEntry("breached", true)
                .containsEntry("redFont", expectedRedFont);

        DmnTestSupport.Evaluation met = evaluate(dmn, indicator, "2026/27", 100.0);
        assertThat(met.result().getSingleResult().getEntryMap())
                .containsEntry("breached", false)
                .containsEntry("redFont", false);
    }

    @Test
    @DisplayName("PI3 a whole-number value sent as an integer (e.g. over REST) is compared like a double")
    void integerValue() {
        assertTrigger(evaluate(dmn, "SPI2", "2026/27", 92), 92.0, false, false, "Rule_2026_27_SPI2_Met");
        assertTrigger(evaluate(dmn, "SPI2", "2026/27", 91), 92.0, true, true, "Rule_2026_27_SPI2_Breached");
    }

    @ParameterizedTest(name = "indicator={0}, year={1} -> no result")
    @CsvSource({
            "KPI3, 2026/27",
            "SPI5, 2026/27",
            "kpi1, 2026/27",
            "SPI 1, 2026/27",
            "'', 2026/27",
            "SPI1, 2024/25",
            "SPI1, 2027/28",
            "SPI1, 2026-27",
            "SPI1, 2026",
            "SPI1, ''",
    })
    @DisplayName("PI3 an unknown indicator or a year with no thresholds matches no row and gives an empty result")
    void unknownIndicatorOrYearMatchesNothing(String indicator, String year) {
        DmnTestSupport.Evaluation evaluation = evaluate(dmn, indicator, year, 50.0);

        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("PI3 every year in the table has, per indicator, exactly one '<' row (breach) and one '>=' row (met) at the same threshold")
    void everyYearHasOneBelowAndOneAtOrAboveRowPerIndicator() {
        Map<String, Map<String, Double>> thresholds = assertTwoRowsPerYearAndIndicator(DmnTestSupport.model(KEY));

        assertThat(thresholds).isEqualTo(Map.of(
                "2025/26", Map.of("KPI1", 90.0, "KPI2", 70.0, "SPI1", 95.0, "SPI2", 90.0, "SPI3", 90.0, "SPI4", 85.0),
                "2026/27", Map.of("KPI1", 92.0, "KPI2", 75.0, "SPI1", 95.0, "SPI2", 92.0, "SPI3", 90.0, "SPI4", 85.0)));
    }

    @Test
    @DisplayName("PI3/X3 an analyst sets a new year's thresholds by adding rows: 2027/28 with a higher KPI1 minimum applies, earlier years unchanged")
    void analystAddsRowsForANewYear() throws IOException {
        String table;
        try (InputStream in = DmnTestSupport.resource(KEY)) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String edited = withNewYear(table, "2026/27", "2027/28", "KPI1", 92, 93);
        assertThat(edited).as("the analyst's edit changed the table").isNotEqualTo(table);

        Map<String, Map<String, Double>> thresholds = assertTwoRowsPerYearAndIndicator(
                Dmn.readModelFromStream(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))));
        assertThat(thresholds).containsOnlyKeys("2025/26", "2026/27", "2027/28");
        assertThat(thresholds.get("2027/28")).containsEntry("KPI1", 93.0).containsEntry("SPI2", 92.0);

        DmnTestSupport editedTable = new DmnTestSupport(KEY,
                new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
        assertTrigger(evaluate(editedTable, "KPI1", "2027/28", 92.5), 93.0, true, false,
                "Rule_2027_28_KPI1_Breached");
        assertTrigger(evaluate(editedTable, "KPI1", "2027/28", 93.0), 93.0, false, false, "Rule_2027_28_KPI1_Met");
        assertTrigger(evaluate(editedTable, "KPI1", "2026/27", 92.5), 92.0, false, false, "Rule_2026_27_KPI1_Met");
        assertTrigger(evaluate(editedTable, "SPI1", "2027/28", 94.0), 95.0, true, true, "Rule_2027_28_SPI1_Breached");
    }

    @Test
    @DisplayName("PI3/X3 every pi-trigger rule is annotated with its rule ID; history time to live is set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 24);
    }

    /**
     * What an analyst does in the Modeler for a new year: copy the twelve rows of {@code fromYear}, give them
     * {@code toYear} (and fresh ids), and change one indicator's threshold from {@code oldThreshold} to
     * {@code newThreshold}.
     */
    private static String withNewYear(String table, String fromYear, String toYear, String indicator,
            int oldThreshold, int newThreshold) {
        String fromId = fromYear.replace('/', '_');
        String toId = toYear.replace('/', '_');
        Matcher rules = Pattern.compile("      <rule id=\"Rule_" + fromId + "_.*?</rule>\n", Pattern.DOTALL)
                .matcher(table);
        StringBuilder added = new StringBuilder();
        while (rules.find()) {
            String rule = rules.group()
                    .replace("_" + fromId + "_", "_" + toId + "_")
                    .replace("\"" + fromYear + "\"", "\"" + toYear + "\"")
                    .replace("PI3 " + fromYear, "PI3 " + toYear);
            if (rule.contains("_" + indicator + "_")) {
                rule = rule.replace("&lt; " + oldThreshold + "<", "&lt; " + newThreshold + "<")
                        .replace("&gt;= " + oldThreshold + "<", "&gt;= " + newThreshold + "<")
                        .replace(">" + oldThreshold + "</text>", ">" + newThreshold + "</text>")
                        .replace("minimum " + oldThreshold + "%", "minimum " + newThreshold + "%");
            }
            added.append(rule);
        }
        assertThat(added).as("rows of %s copied", fromYear).isNotEmpty();
        int end = table.indexOf("    </decisionTable>");
        return table.substring(0, end) + added + table.substring(end);
    }

    /**
     * Checks that for every year present, each of the six indicators has exactly one row testing {@code < t} with
     * outputs (t, breached, red font for SPI1-3) and one row testing {@code >= t} with outputs (t, not breached, no
     * red font), with the same t, and that each annotation names PI3, the year, the indicator and the minimum.
     * Returns the thresholds by year and indicator.
     */
    private static Map<String, Map<String, Double>> assertTwoRowsPerYearAndIndicator(DmnModelInstance model) {
        Map<String, Map<String, List<Rule>>> below = new TreeMap<>();
        Map<String, Map<String, List<Rule>>> atOrAbove = new TreeMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            List<String> inputs = rule.getInputEntries().stream().map(PiTriggerDecisionTest::text).toList();
            assertThat(inputs).as("inputs of %s", rule.getId()).hasSize(3);
            String indicator = unquote(inputs.get(0), rule);
            String year = unquote(inputs.get(1), rule);
            assertThat(indicator).as("indicator of %s", rule.getId()).isIn(INDICATORS);
            assertThat(year).as("year of %s", rule.getId()).matches("\\d{4}/\\d{2}");
            boolean isBelow = BELOW.matcher(inputs.get(2)).matches();
            boolean isAtOrAbove = AT_OR_ABOVE.matcher(inputs.get(2)).matches();
            assertThat(isBelow || isAtOrAbove).as("value test of %s is '< t' or '>= t': %s", rule.getId(),
                    inputs.get(2)).isTrue();
            (isBelow ? below : atOrAbove).computeIfAbsent(year, y -> new TreeMap<>())
                    .computeIfAbsent(indicator, i -> new ArrayList<>()).add(rule);
        }
        assertThat(below.keySet()).as("years with breach rows").isEqualTo(atOrAbove.keySet()).isNotEmpty();

        Map<String, Map<String, Double>> thresholds = new TreeMap<>();
        for (String year : below.keySet()) {
            for (String indicator : INDICATORS) {
                List<Rule> belowRows = below.get(year).getOrDefault(indicator, List.of());
                List<Rule> metRows = atOrAbove.get(year).getOrDefault(indicator, List.of());
                assertThat(belowRows).as("'<' rows for %s %s", year, indicator).hasSize(1);
                assertThat(metRows).as("'>=' rows for %s %s", year, indicator).hasSize(1);
                Rule breach = belowRows.get(0);
                Rule met = metRows.get(0);
                BigDecimal t = threshold(BELOW, breach);
                assertThat(threshold(AT_OR_ABOVE, met)).as("same threshold in both %s %s rows", year, indicator)
                        .isEqualByComparingTo(t);
                boolean red = RED_FONT_INDICATORS.contains(indicator);
                List<String> breachOutputs = outputs(breach);
                assertThat(new BigDecimal(breachOutputs.get(0))).as("threshold output of %s", breach.getId())
                        .isEqualByComparingTo(t);
                assertThat(breachOutputs.subList(1, 3)).as("breached, redFont of %s", breach.getId())
                        .containsExactly("true", String.valueOf(red));
                List<String> metOutputs = outputs(met);
                assertThat(new BigDecimal(metOutputs.get(0))).as("threshold output of %s", met.getId())
                        .isEqualByComparingTo(t);
                assertThat(metOutputs.subList(1, 3)).as("breached, redFont of %s", met.getId())
                        .containsExactly("false", "false");
                for (Rule rule : List.of(breach, met)) {
                    assertThat(rule.getDescription().getTextContent()).as("annotation of %s", rule.getId())
                            .startsWith("PI3 " + year + " " + indicator + " ")
                            .contains(" minimum " + t.stripTrailingZeros().toPlainString() + "%");
                }
                thresholds.computeIfAbsent(year, y -> new TreeMap<>()).put(indicator, t.doubleValue());
            }
        }
        return thresholds;
    }

    private static BigDecimal threshold(Pattern pattern, Rule rule) {
        Matcher matcher = pattern.matcher(text(List.copyOf(rule.getInputEntries()).get(2)));
        assertThat(matcher.matches()).isTrue();
        return new BigDecimal(matcher.group(1));
    }

    private static List<String> outputs(Rule rule) {
        return rule.getOutputEntries().stream().map(OutputEntry::getText).map(t -> t.getTextContent().trim()).toList();
    }

    private static String text(InputEntry entry) {
        return entry.getText().getTextContent().trim();
    }

    private static String unquote(String text, Rule rule) {
        Matcher matcher = QUOTED.matcher(text);
        assertThat(matcher.matches()).as("%s tests one quoted value: %s", rule.getId(), text).isTrue();
        return matcher.group(1);
    }
}
