package org.carecommissioning.quality;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/** Q2: issues the service's QAF 3 months before its meeting; the QAF's reference is kept on the schedule. */
@Component
class QafScheduledIssueDelegate implements JavaDelegate {

    private final QafScheduling scheduling;

    QafScheduledIssueDelegate(QafScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String serviceCode = FormValues.text(execution.getVariable(QafScheduling.SERVICE_CODE));
        LocalDate meetingDate = LocalDate.parse(FormValues.text(execution.getVariable(QafScheduling.MEETING_DATE)));
        execution.setVariable(QafVariables.QAF_REFERENCE, scheduling.issue(serviceCode, meetingDate));
    }
}
