package org.carecommissioning.tasklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Puts the {@link CaseLabels} on every user task as it is created, from its process instance's variables. */
class CaseLabelsListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            return; // a CMMN task: none here
        }
        task.setVariablesLocal(CaseLabels.of(execution.getProcessBusinessKey(), execution::getVariable));
    }
}
