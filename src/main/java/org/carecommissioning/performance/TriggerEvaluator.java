package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** PI3-PI5, X3: each indicator against the analysts' pi-trigger table (latest version) for the year. */
@Component
class TriggerEvaluator {

    static final String DECISION = "pi-trigger";

    private final DecisionService decisionService;

    TriggerEvaluator(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    List<Breach> breaches(String year, Map<Indicator, BigDecimal> values) {
        List<Breach> breaches = new ArrayList<>();
        for (Map.Entry<Indicator, BigDecimal> value : values.entrySet()) {
            if (value.getValue() == null) {
                continue;
            }
            DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION, Map.of(
                    "indicator", value.getKey().name(), "year", year, "value", value.getValue().doubleValue()));
            if (result.isEmpty()) {
                throw new IllegalStateException("The " + DECISION + " table has no trigger for " + value.getKey()
                        + " in " + year + "; a business analyst must add the year's rows.");
            }
            var entries = result.getSingleResult();
            if (Boolean.TRUE.equals(entries.getEntry("breached"))) {
                breaches.add(new Breach(value.getKey(), value.getValue(),
                        ((Number) entries.getEntry("threshold")).doubleValue(),
                        Boolean.TRUE.equals(entries.getEntry("redFont"))));
            }
        }
        return breaches;
    }

    record Breach(Indicator indicator, BigDecimal value, double threshold, boolean redFont) {

        String describe() {
            return indicator + " " + indicator.label() + ": " + value.stripTrailingZeros().toPlainString()
                    + "% is below the trigger of " + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString()
                    + "%" + (redFont ? " (red font)" : "");
        }
    }
}
