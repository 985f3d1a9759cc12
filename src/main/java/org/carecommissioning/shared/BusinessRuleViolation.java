package org.carecommissioning.shared;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that breaks a business rule. The message is written for the caseworker who typed the input:
 * Tasklist shows it when a form is refused, and both REST APIs return it with status 400. Thrown inside a
 * process step it rolls back the whole step, so nothing is half-written.
 */
public class BusinessRuleViolation extends BadUserRequestException {

    private final String ruleId;
    private final String sentence;

    public BusinessRuleViolation(String ruleId, String message) {
        super(ruleId + ": " + message);
        this.ruleId = ruleId;
        this.sentence = message;
    }

    public String ruleId() {
        return ruleId;
    }

    /**
     * What a caseworker reads first: the sentence that says what to change, then the rule it comes from, for
     * example "A treatment plan is ... (R3)". {@link #getMessage()} keeps the "R3: ..." form for logs and tests.
     */
    public String caseworkerMessage() {
        return sentence + " (" + ruleId + ")";
    }
}
