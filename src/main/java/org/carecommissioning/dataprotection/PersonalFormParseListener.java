package org.carecommissioning.dataprotection;

import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** As each process is deployed or loaded, gives the user tasks that show personal fields their personal form handler. */
class PersonalFormParseListener extends AbstractBpmnParseListener {

    private final PersonalDataRegistry registry;

    PersonalFormParseListener(PersonalDataRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)) {
            return;
        }
        String processKey = definition.getKey();
        Set<String> fields = registry.formFields(processKey, activity.getId());
        if (fields.isEmpty()) {
            return;
        }
        TaskDefinition task = behavior.getTaskDefinition();
        task.setTaskFormHandler(new PersonalFormHandler(task.getTaskFormHandler(), registry, processKey,
                activity.getId(), fields));
    }
}
