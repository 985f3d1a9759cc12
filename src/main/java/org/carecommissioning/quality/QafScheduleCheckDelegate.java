package org.carecommissioning.quality;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/** Q2: whether the service already has a QAF for this meeting's cycle (the gateway decides). */
@Component
class QafScheduleCheckDelegate implements JavaDelegate {

    private final QafScheduling scheduling;

    QafScheduleCheckDelegate(QafScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String serviceCode = FormValues.text(execution.getVariable(QafScheduling.SERVICE_CODE));
        LocalDate meetingDate = LocalDate.parse(FormValues.text(execution.getVariable(QafScheduling.MEETING_DATE)));
        execution.setVariable(QafScheduling.ALREADY_ISSUED, scheduling.alreadyIssued(serviceCode, meetingDate));
    }
}
