package org.carecommissioning.contractmanagement;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.springframework.stereotype.Component;

/**
 * C3, X3: the risk level of one clause from the analysts' compliance-risk-level table (always its latest deployed
 * version): the highest level any one answer points to (appendix 2).
 */
@Component
class ComplianceRiskAssessor {

    static final String DECISION = "compliance-risk-level";

    private final DecisionService decisionService;

    ComplianceRiskAssessor(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    RiskLevel assess(RiskAnswers answers) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION, Map.of(
                "internalDisruption", answers.internalDisruption(),
                "serviceDisruption", answers.serviceDisruption(),
                "serviceUserImpact", answers.serviceUserImpact(),
                "reputationDamage", answers.reputationDamage(),
                "financialImpact", answers.financialImpact(),
                "clauseComplied", answers.clauseComplied(),
                "defaultNoticePossible", answers.defaultNoticePossible()));
        if (result.isEmpty()) {
            throw new IllegalStateException("The " + DECISION + " table gave no risk level for " + answers
                    + "; ask a business analyst to check it.");
        }
        return RiskLevel.valueOf((String) result.getSingleResult().getEntry("riskLevel"));
    }

    /** The seven inputs of the compliance-risk-level table for one clause. */
    record RiskAnswers(String internalDisruption, String serviceDisruption, String serviceUserImpact,
            String reputationDamage, String financialImpact, boolean clauseComplied, boolean defaultNoticePossible) {
    }
}
