package org.carecommissioning.shared;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the references a process carries. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static Long id(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.valueOf(text.trim());
        }
        throw new IllegalStateException("Process variable " + name + " holds no id");
    }

    /** A decision result mapped with mapDecisionResult="singleResult": empty when no rule matched. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decision(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
