package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q6: records the contracts manager's moderation of one QAF: agreement, or changed grades with their reasons. */
@Component
class QafModerationRecordDelegate implements JavaDelegate {

    private final QafModeration moderation;

    QafModerationRecordDelegate(QafModeration moderation) {
        this.moderation = moderation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafModerationVariables variables = QafModerationVariables.of(execution);
        moderation.record(variables.drawnYear(), variables.reference(), variables.decision(), CurrentUser.of(execution));
    }
}
