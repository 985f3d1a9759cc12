package org.carecommissioning.consultation;

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
 * Decision table {@code consultation-sample-size} (dmn/consultation-sample-size.dmn), rule U2 (seed 004 part 3.6,
 * appendix 2): the minimum number of service users to contact and whether only questionnaires will do. Hit policy
 * UNIQUE: the bands do not overlap. Percentages round up; 0 users give 0; over 500 give questionnaires only at 5%.
 */
@DisplayName("U2 consultation-sample-size decision")
class ConsultationSampleSizeDecisionTest {

    private static final String KEY = "consultation-sample-size";

    private static DmnTestSupport dmn;

    @BeforeAll
    static void parseDecision() {
        dmn = new DmnTestSupport(KEY);
    }

    private static DmnTestSupport.Evaluation evaluate(Object serviceUsers) {
        return dmn.evaluate(Variables.createVariables().putValue("serviceUsers", serviceUsers));
    }

    private static void assertSample(int serviceUsers, int minimum, boolean questionnairesOnly, String rule) {
        DmnTestSupport.Evaluation evaluation = evaluate(serviceUsers);
        assertThat(evaluation.matchedRuleIds()).as("%d service users", serviceUsers).containsExactly(rule);
        assertThat(evaluation.result()).hasSize(1);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .as("%d service users", serviceUsers)
                .containsOnlyKeys("minimumToContact", "questionnairesOnly")
                .containsEntry("minimumToContact", minimum)
                .containsEntry("questionnairesOnly", questionnairesOnly);
        Object value = evaluation.result().getSingleResult().getEntry("minimumToContact");
        assertThat(value).as("minimumToContact is an integer, not a decimal").isInstanceOf(Integer.class);
        assertThat(minimum).as("never more than the number of users").isLessThanOrEqualTo(serviceUsers);
    }

    @ParameterizedTest(name = "{0} service users -> contact at least {1}, questionnaires only {2} ({3})")
    @CsvSource({
            "0,    0,  false, Rule_None",
            "1,    1,  false, Rule_All",
            "2,    2,  false, Rule_All",
            "3,    3,  false, Rule_All",
            "4,    3,  false, Rule_Three",
            "7,    3,  false, Rule_Three",
            "10,   3,  false, Rule_Three",
            "11,   5,  false, Rule_Five",
            "20,   5,  false, Rule_Five",
            "21,   6,  false, Rule_Quarter",
            "30,   8,  false, Rule_Quarter",
            "40,   10, false, Rule_Quarter",
            "41,   9,  false, Rule_Fifth",
            "80,   16, false, Rule_Fifth",
            "81,   13, false, Rule_FifteenPercent",
            "100,  15, false, Rule_FifteenPercent",
            "101,  11, false, Rule_TenPercent",
            "250,  25, false, Rule_TenPercent",
            "251,  13, false, Rule_FivePercent",
            "500,  25, false, Rule_FivePercent",
            "501,  26, true,  Rule_QuestionnairesOnly",
            "1000, 50, true,  Rule_QuestionnairesOnly",
            "2001, 101, true, Rule_QuestionnairesOnly",
    })
    @DisplayName("U2 every row and every boundary of appendix 2 (0, 1, 3/4, 10/11, 20/21, 40/41, 80/81, 100/101, "
            + "250/251, 500/501)")
    void everyRowAndBoundary(int serviceUsers, int minimum, boolean questionnairesOnly, String rule) {
        assertSample(serviceUsers, minimum, questionnairesOnly, rule);
    }

    @Test
    @DisplayName("U2 Decision: percentages round up: 21 users at 25% is 5.25, so 6 are contacted")
    void percentagesRoundUp() {
        assertSample(21, 6, false, "Rule_Quarter");
        assertSample(42, 9, false, "Rule_Fifth");
        assertSample(102, 11, false, "Rule_TenPercent");
    }

    @Test
    @DisplayName("U2 Decision: the seed's overlapping bounds resolve as RULES.md writes them: 80 at 20%, 250 at 10%")
    void overlappingBoundsOfTheSeed() {
        assertSample(80, 16, false, "Rule_Fifth");
        assertSample(250, 25, false, "Rule_TenPercent");
    }

    @Test
    @DisplayName("U2 never more than the number of users, for every number from 0 to 600")
    void neverMoreThanTheUsers() {
        for (int users = 0; users <= 600; users++) {
            DmnTestSupport.Evaluation evaluation = evaluate(users);
            assertThat(evaluation.matchedRuleIds()).as("%d service users", users).hasSize(1);
            Integer minimum = evaluation.result().getSingleResult().getEntry("minimumToContact");
            assertThat(minimum).as("%d service users", users).isBetween(users == 0 ? 0 : 1, users);
            Boolean questionnairesOnly = evaluation.result().getSingleResult().getEntry("questionnairesOnly");
            assertThat(questionnairesOnly).as("%d service users", users).isEqualTo(users > 500);
        }
    }

    @Test
    @DisplayName("U2 a number of service users sent as a long (e.g. over REST) gives the same row")
    void longInput() {
        DmnTestSupport.Evaluation evaluation = evaluate(21L);
        assertThat(evaluation.matchedRuleIds()).containsExactly("Rule_Quarter");
        assertThat(evaluation.result().getSingleResult().getEntryMap()).containsEntry("minimumToContact", 6);
    }

    @Test
    @DisplayName("U2 a negative number of service users matches no row: the result is empty (the service refuses it first)")
    void negativeMatchesNoRow() {
        DmnTestSupport.Evaluation evaluation = evaluate(-1);
        assertThat(evaluation.matchedRuleIds()).isEmpty();
        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    @DisplayName("U2 the rows are in the order of appendix 2")
    void rowOrder() {
        List<String> ids = DmnTestSupport.model(KEY).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId).toList();
        assertThat(ids).containsExactly("Rule_None", "Rule_All", "Rule_Three", "Rule_Five", "Rule_Quarter",
                "Rule_Fifth", "Rule_FifteenPercent", "Rule_TenPercent", "Rule_FivePercent",
                "Rule_QuestionnairesOnly");
    }

    @Test
    @DisplayName("U2/X3 every consultation-sample-size rule is annotated with its rule ID; UNIQUE hit policy; history "
            + "time to live set")
    void everyRuleIsTraceable() {
        DmnTestSupport.assertTraceableDecision(KEY, 10, HitPolicy.UNIQUE);
    }
}
