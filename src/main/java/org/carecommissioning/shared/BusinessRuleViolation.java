package org.carecommissioning.shared;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that breaks a business rule. The message is written for the caseworker who typed the input:
 * Tasklist shows it when a form is refused, and both REST APIs return it with status 400. Thrown inside a
 * process step it rolls back the whole step, so nothing is half-written.
 */
public class BusinessRuleViolation extends BadUserRequestException {

    private final String ruleId;

    public BusinessRuleViolation(String ruleId, String message) {
        super(ruleId + ": " + message);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
