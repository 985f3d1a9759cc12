package org.carecommissioning.dataprotection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.carecommissioning.shared.PersonalFormValues;
import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/** Every capability's declared personal variables and personal form values, by process key. */
@Component
class PersonalDataRegistry {

    private final Map<String, Set<String>> namesByProcess = new HashMap<>();
    private final Set<String> allNames = new HashSet<>();
    private final Map<String, PersonalFormValues> formValuesByProcess = new HashMap<>();

    PersonalDataRegistry(List<PersonalVariables> declarations, List<PersonalFormValues> formValues) {
        for (PersonalVariables declaration : declarations) {
            namesByProcess.computeIfAbsent(declaration.processDefinitionKey(), key -> new HashSet<>())
                    .addAll(declaration.names());
            allNames.addAll(declaration.names());
        }
        for (PersonalFormValues values : formValues) {
            formValuesByProcess.put(values.processDefinitionKey(), values);
        }
    }

    /**
     * Whether a variable of this process holds personal data. A variable of no known process (a stand-alone
     * task's, say) counts as personal if any process declares its name: erring towards not recording it.
     */
    boolean isPersonal(String processDefinitionKey, String variableName) {
        if (variableName == null) {
            return false;
        }
        if (processDefinitionKey == null) {
            return allNames.contains(variableName);
        }
        return namesByProcess.getOrDefault(processDefinitionKey, Set.of()).contains(variableName);
    }

    Set<String> personalNames(String processDefinitionKey) {
        return Set.copyOf(namesByProcess.getOrDefault(processDefinitionKey, Set.of()));
    }

    Set<String> formFields(String processDefinitionKey, String taskDefinitionKey) {
        return Optional.ofNullable(formValuesByProcess.get(processDefinitionKey))
                .map(values -> values.fields(taskDefinitionKey))
                .orElse(Set.of());
    }

    Map<String, Object> formValues(String processDefinitionKey, String taskDefinitionKey, VariableScope task) {
        return Optional.ofNullable(formValuesByProcess.get(processDefinitionKey))
                .map(values -> values.forTask(taskDefinitionKey, task))
                .orElse(Map.of());
    }
}
