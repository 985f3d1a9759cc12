package org.carecommissioning.contractmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * C3/C4: the compliance checklist exists in four places (ComplianceChecklist, the internal audit form, the provider
 * audit form and the compliance-risk-level decision table). They must list the same clauses, in the same order, with
 * the same titles and the same answer vocabularies; otherwise a clause is audited on one form and lost on the other,
 * or an answer the form offers is one the table never recognises.
 */
class ComplianceChecklistConsistencyTest {

    /** The internal form's select fields per clause, and the decision input each answer feeds. */
    private static final Map<String, String> ANSWER_INPUTS = new LinkedHashMap<>();

    static {
        ANSWER_INPUTS.put("InternalDisruption", "internalDisruption");
        ANSWER_INPUTS.put("ServiceDisruption", "serviceDisruption");
        ANSWER_INPUTS.put("ServiceUserImpact", "serviceUserImpact");
        ANSWER_INPUTS.put("ReputationDamage", "reputationDamage");
        ANSWER_INPUTS.put("FinancialImpact", "financialImpact");
    }

    private static JsonNode internalForm;
    private static JsonNode providerForm;
    private static DecisionTable riskTable;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        internalForm = json.readTree(new File("forms/internal-compliance-audit.form"));
        providerForm = json.readTree(new File("forms/provider-compliance-audit.form"));
        DmnModelInstance dmn = Dmn.readModelFromFile(new File("dmn/compliance-risk-level.dmn"));
        riskTable = dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    }

    @Test
    @DisplayName("C3: both audit forms show the checklist's clauses, in its order, under its titles")
    void bothFormsListTheChecklist() {
        List<String> titles = ComplianceChecklist.CLAUSES.stream().map(ComplianceChecklist.Clause::title).toList();
        assertThat(groupLabels(internalForm)).isEqualTo(titles);
        assertThat(groupLabels(providerForm)).isEqualTo(titles);
    }

    @Test
    @DisplayName("C3: the internal audit asks every clause the same questions, under keys built from its code")
    void internalFormAsksEveryClauseTheSameQuestions() {
        List<JsonNode> groups = groups(internalForm);
        for (int i = 0; i < groups.size(); i++) {
            String code = ComplianceChecklist.CLAUSES.get(i).code();
            List<String> expected = new ArrayList<>(List.of(code + "Comments", code + "Complied"));
            ANSWER_INPUTS.keySet().forEach(answer -> expected.add(code + answer));
            expected.add(code + "DefaultNoticePossible");
            assertThat(questions(groups.get(i))).as(code).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("C4: the provider audit shows each clause's risk and asks for evidence and a revised risk")
    void providerFormAsksForEvidenceAndARevisedRisk() {
        List<JsonNode> groups = groups(providerForm);
        for (int i = 0; i < groups.size(); i++) {
            String code = ComplianceChecklist.CLAUSES.get(i).code();
            assertThat(keys(groups.get(i))).as(code)
                    .containsExactly(code + "Risk", code + "Evidence", code + "RevisedRisk");
            assertThat(options(groups.get(i), code + "RevisedRisk")).as(code)
                    .containsExactlyElementsOf(Arrays.stream(RiskLevel.values()).map(Enum::name).toList());
        }
    }

    @Test
    @DisplayName("C3: every answer the form offers is one the risk table knows, and the table tests no other")
    void formAnswersAndTableInputsAgree() {
        List<JsonNode> groups = groups(internalForm);
        for (Map.Entry<String, String> answer : ANSWER_INPUTS.entrySet()) {
            Set<String> tableValues = quotedValues(inputIndex(answer.getValue()));
            for (int i = 0; i < groups.size(); i++) {
                String key = ComplianceChecklist.CLAUSES.get(i).code() + answer.getKey();
                List<String> offered = options(groups.get(i), key);
                assertThat(offered).as(key + " starts with the answer meaning no concern").first().isEqualTo("none");
                assertThat(offered).as(key + " offers every answer the table tests").containsAll(tableValues);
                assertThat(offered).as(key + " offers the same answers for every clause")
                        .isEqualTo(options(groups.get(0), ComplianceChecklist.CLAUSES.get(0).code() + answer.getKey()));
            }
        }
    }

    @Test
    @DisplayName("C3: the table's outputs are exactly the risk levels the provider form and the code use")
    void tableOutputsAreTheRiskLevels() {
        Set<String> outputs = new TreeSet<>();
        for (Rule rule : riskTable.getRules()) {
            rule.getOutputEntries().forEach(entry -> outputs.add(entry.getTextContent().trim().replace("\"", "")));
        }
        assertThat(outputs).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RiskLevel.values()).map(Enum::name).toList());
    }

    private static int inputIndex(String inputExpression) {
        List<Input> inputs = new ArrayList<>(riskTable.getInputs());
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).getInputExpression().getText().getTextContent().trim().equals(inputExpression)) {
                return i;
            }
        }
        throw new AssertionError("compliance-risk-level has no input " + inputExpression);
    }

    private static Set<String> quotedValues(int input) {
        Set<String> values = new TreeSet<>();
        for (Rule rule : riskTable.getRules()) {
            String entry = new ArrayList<>(rule.getInputEntries()).get(input).getTextContent().trim();
            for (String part : entry.split(",")) {
                String value = part.trim();
                if (value.startsWith("\"")) {
                    values.add(value.replace("\"", ""));
                }
            }
        }
        assertThat(values).as("values tested in input " + input).isNotEmpty();
        return values;
    }

    private static List<JsonNode> groups(JsonNode form) {
        List<JsonNode> groups = new ArrayList<>();
        form.path("components").forEach(c -> {
            if ("group".equals(c.path("type").asText())) {
                groups.add(c);
            }
        });
        assertThat(groups).hasSameSizeAs(ComplianceChecklist.CLAUSES);
        return groups;
    }

    private static List<String> groupLabels(JsonNode form) {
        return groups(form).stream().map(g -> g.path("label").asText()).toList();
    }

    /**
     * The questions a clause of the internal audit asks: a disabled field there only shows what the records say (Q2:
     * the QAF clause shows the QAF records) and is no question of the checklist.
     */
    private static List<String> questions(JsonNode group) {
        List<String> keys = new ArrayList<>();
        group.path("components").forEach(c -> {
            if (c.hasNonNull("key") && !c.path("disabled").asBoolean(false)) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }

    private static List<String> keys(JsonNode group) {
        List<String> keys = new ArrayList<>();
        group.path("components").forEach(c -> {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }

    private static List<String> options(JsonNode group, String key) {
        for (JsonNode component : group.path("components")) {
            if (key.equals(component.path("key").asText())) {
                List<String> values = new ArrayList<>();
                component.path("values").forEach(v -> values.add(v.path("value").asText()));
                return values;
            }
        }
        throw new AssertionError("no field " + key);
    }
}
