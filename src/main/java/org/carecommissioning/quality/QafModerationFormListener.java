package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Q6: fills the moderation form's read-only values (service, officer, grades) from the tables when the task opens. */
@Component
class QafModerationFormListener implements TaskListener {

    private final QafModeration moderation;

    QafModerationFormListener(QafModeration moderation) {
        this.moderation = moderation;
    }

    @Override
    public void notify(DelegateTask task) {
        QafModerationVariables variables = QafModerationVariables.of(task.getExecution());
        QafModerationRecord record = moderation.get(variables.drawnYear(), variables.reference());
        QafModerationVariables.display(task, record, moderation.serviceOf(record));
    }
}
