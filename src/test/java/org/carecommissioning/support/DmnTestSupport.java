package org.carecommissioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Shared plumbing for the standalone DMN decision tests: no Spring context, no process engine.
 * Evaluates a decision from the classpath resource {@code dmn/<key>.dmn} with the default
 * (feel-scala) DMN engine and records which rule ids matched, so each test can assert the row
 * it exercises as well as the output values.
 */
public final class DmnTestSupport {

    /** Every rule annotation must start with a rule ID from RULES.md. */
    public static final Pattern RULE_ID = Pattern.compile("^(R|P|C|PI|Q|S|K|U|X)\\d+");

    /** Result of one evaluation: the decision result and the ids of the matched rules. */
    public record Evaluation(DmnDecisionResult result, List<String> matchedRuleIds) {
    }

    private final String decisionKey;
    private final List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();
    private final DmnEngine engine;
    private final DmnDecision decision;

    public DmnTestSupport(String decisionKey) {
        this(decisionKey, resource(decisionKey));
    }

    /** The decision {@code decisionKey} read from {@code dmn}, for example a table as an analyst has edited it. */
    public DmnTestSupport(String decisionKey, InputStream dmn) {
        this.decisionKey = decisionKey;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recorder = events::add;
        configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
        this.engine = configuration.buildEngine();
        try (InputStream in = dmn) {
            this.decision = engine.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(decision.getKey()).isEqualTo(decisionKey);
        assertThat(decision.isDecisionTable()).as("%s is a decision table", decisionKey).isTrue();
    }

    public Evaluation evaluate(VariableMap variables) {
        events.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, variables);
        assertThat(events).as("exactly one decision table evaluation of %s", decisionKey).hasSize(1);
        List<String> matched = events.get(0).getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId)
                .toList();
        return new Evaluation(result, matched);
    }

    public static InputStream resource(String decisionKey) {
        String path = "dmn/" + decisionKey + ".dmn";
        InputStream in = DmnTestSupport.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }

    /** The model of {@code dmn/<decisionKey>.dmn}, for tests that check a table's structure. */
    public static DmnModelInstance model(String decisionKey) {
        try (InputStream in = resource(decisionKey)) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks what makes a table traceable and deployable (RULES.md preamble, X3): every rule has a
     * description starting with a rule ID, the decision has a positive history time to live and a
     * version tag, the hit policy is UNIQUE, and the table has the expected number of rows (so a
     * row added without a test is noticed).
     */
    public static void assertTraceableDecision(String decisionKey, int expectedRuleCount) {
        assertTraceableDecision(decisionKey, expectedRuleCount, HitPolicy.UNIQUE);
    }

    /** As above, for a table with another hit policy. */
    public static void assertTraceableDecision(String decisionKey, int expectedRuleCount, HitPolicy hitPolicy) {
        DmnModelInstance model = model(decisionKey);

        Decision decision = model.getModelElementById(decisionKey);
        assertThat(decision).as("decision with id %s", decisionKey).isNotNull();
        String ttl = decision.getCamundaHistoryTimeToLiveString();
        assertThat(ttl).as("camunda:historyTimeToLive of %s", decisionKey).isNotBlank();
        assertThat(Integer.parseInt(ttl.trim())).as("camunda:historyTimeToLive of %s", decisionKey).isPositive();
        assertThat(decision.getVersionTag()).as("camunda:versionTag of %s", decisionKey).isNotBlank();

        Collection<DecisionTable> tables = model.getModelElementsByType(DecisionTable.class);
        assertThat(tables).hasSize(1);
        assertThat(tables.iterator().next().getHitPolicy()).isEqualTo(hitPolicy);

        Collection<Rule> rules = model.getModelElementsByType(Rule.class);
        assertThat(rules).as("rules of %s", decisionKey).hasSize(expectedRuleCount);
        for (Rule rule : rules) {
            assertThat(rule.getDescription())
                    .as("description of rule %s", rule.getId())
                    .isNotNull();
            assertThat(rule.getDescription().getTextContent())
                    .as("description of rule %s", rule.getId())
                    .containsPattern(RULE_ID);
        }
    }
}
