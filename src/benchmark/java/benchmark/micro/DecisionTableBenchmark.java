package benchmark.micro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation of each decision table in {@code dmn/} by Camunda's standalone DMN engine (the default FEEL engine,
 * as the process engine's business rule tasks and {@code DecisionService} use), parsed once, with the inputs of a
 * typical case: the row the application meets most often. The set-up checks that those inputs give that row's output,
 * so a changed table cannot leave a benchmark measuring an empty result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionTableBenchmark {

    /** The decision key, which is also the file name in {@code dmn/}. */
    @Param({"cancellation-charge", "cmm-frequency", "compliance-risk-level", "consultation-sample-size",
        "evaluation-forms", "pi-trigger", "qaf-target-level", "qaf-validation-visit", "treatment-plan"})
    public String table;

    private DmnEngine engine;
    private DmnDecision decision;
    private VariableMap inputs;

    @Setup
    public void parse() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        String resource = "dmn/" + table + ".dmn";
        try (InputStream dmn = DecisionTableBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (dmn == null) {
                throw new IllegalStateException("No decision table " + resource + " on the class path");
            }
            decision = engine.parseDecision(table, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TypicalCase typical = TypicalCase.of(table);
        inputs = typical.inputs();
        Map<String, Object> output = engine.evaluateDecision(decision, inputs).getSingleResult().getEntryMap();
        if (!output.entrySet().containsAll(typical.output().entrySet())) {
            throw new IllegalStateException(table + " gave " + output + " for " + inputs + ", expected "
                    + typical.output());
        }
    }

    @Benchmark
    public DmnDecisionResult evaluate() {
        return engine.evaluateDecision(decision, inputs);
    }

    /** The inputs of a table's typical case, typed as the application passes them, and the output they must give. */
    record TypicalCase(VariableMap inputs, Map<String, Object> output) {

        static TypicalCase of(String table) {
            return switch (table) {
                // R6: a client cancels on the morning of the session
                case "cancellation-charge" -> new TypicalCase(Variables.createVariables()
                        .putValue("cancelledBy", "client").putValue("noticeHours", 6.0),
                        Map.of("chargeable", true));
                // C1: an Amber service meets every 6 months
                case "cmm-frequency" -> new TypicalCase(Variables.createVariables()
                        .putValue("priorityLevel", "AMBER"), Map.of("monthsBetweenMeetings", 6));
                // C3: a clause complied with and every answer "none": every High and Medium row is tried first
                case "compliance-risk-level" -> new TypicalCase(Variables.createVariables()
                        .putValue("internalDisruption", "none").putValue("serviceDisruption", "none")
                        .putValue("serviceUserImpact", "none").putValue("reputationDamage", "none")
                        .putValue("financialImpact", "none").putValue("clauseComplied", true)
                        .putValue("defaultNoticePossible", false), Map.of("riskLevel", "Low"));
                // U2: a service of 35 users contacts a quarter of them, rounded up
                case "consultation-sample-size" -> new TypicalCase(Variables.createVariables()
                        .putValue("serviceUsers", 35), Map.of("questionnairesOnly", false));
                // R8: a series of 5 treatments keeps a diary and ends with the final evaluation
                case "evaluation-forms" -> new TypicalCase(Variables.createVariables().putValue("treatments", 5),
                        Map.of("finalForm", "final-evaluation"));
                // PI3: this year's SPI2 minimum (92%), met
                case "pi-trigger" -> new TypicalCase(Variables.createVariables()
                        .putValue("indicator", "SPI2").putValue("year", "2026/27").putValue("value", 93.5),
                        Map.of("breached", false));
                // Q2: this year's target grade
                case "qaf-target-level" -> new TypicalCase(Variables.createVariables().putValue("year", "2026/27"),
                        Map.of("targetGrade", "C"));
                // Q5: no grade changed by 2, no A claimed, no concerns, not in review, not drawn: every row is tried
                case "qaf-validation-visit" -> new TypicalCase(Variables.createVariables()
                        .putValue("largestGradeChange", 1).putValue("gradeAClaimed", false)
                        .putValue("concernsRaised", false).putValue("inProcurementReview", false)
                        .putValue("sampleDraw", 42.0), Map.of("validationVisit", false, "reason", "none"));
                // R3: a series of 4 treatments
                case "treatment-plan" -> new TypicalCase(Variables.createVariables().putValue("treatments", 4),
                        Map.of("allowed", true, "planType", "series"));
                default -> throw new IllegalArgumentException("No typical case for decision table " + table);
            };
        }
    }
}
