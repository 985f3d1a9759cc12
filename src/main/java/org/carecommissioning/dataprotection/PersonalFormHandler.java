package org.carecommissioning.dataprotection;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.carecommissioning.security.Roles;

/**
 * Wraps a user task's form handler so that the form's personal read-only fields are filled from the application's
 * tables each time the form loads (GET /task/{id}/form-variables, which Tasklist's Camunda Forms call): the values
 * are form fields, never variables, so nothing personal is stored in the engine or its history. Only the task's
 * assignee, its candidate users and groups, administrators and the system itself get them (need to know); a
 * Cockpit reader who may read the task's variables does not. Personal fields submitted back are dropped.
 */
class PersonalFormHandler implements TaskFormHandler {

    private final TaskFormHandler delegate;
    private final PersonalDataRegistry registry;
    private final String processDefinitionKey;
    private final String taskDefinitionKey;
    private final Set<String> fields;

    PersonalFormHandler(TaskFormHandler delegate, PersonalDataRegistry registry, String processDefinitionKey,
            String taskDefinitionKey, Set<String> fields) {
        this.delegate = delegate;
        this.registry = registry;
        this.processDefinitionKey = processDefinitionKey;
        this.taskDefinitionKey = taskDefinitionKey;
        this.fields = fields;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData form = delegate.createTaskForm(task);
        if (!needsToKnow(task)) {
            return form;
        }
        Map<String, Object> values = registry.formValues(processDefinitionKey, taskDefinitionKey, task);
        values.forEach((key, value) -> {
            if (fields.contains(key)) {
                FormFieldImpl field = new FormFieldImpl();
                field.setId(key);
                // transient: a value shown, never one to store
                field.setValue(Variables.stringValue(value == null ? null : value.toString(), true));
                form.getFormFields().add(field);
            }
        });
        return form;
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        // The personal fields are read-only; a client that sends them back must not turn them into variables.
        fields.forEach(properties::remove);
        delegate.submitFormVariables(properties, variableScope);
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
            ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    private static boolean needsToKnow(TaskEntity task) {
        // the command's caller, read through the command context (not the engine-internal Authentication type)
        CommandContext command = Context.getCommandContext();
        String userId = command.getAuthenticatedUserId();
        if (userId == null) {
            return true; // the system itself (start-up, tests run without a user)
        }
        List<String> groups = command.getAuthenticatedGroupIds() == null ? List.of() : command.getAuthenticatedGroupIds();
        if (groups.contains(Roles.ADMIN)) {
            return true;
        }
        if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
            return true;
        }
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }
}
