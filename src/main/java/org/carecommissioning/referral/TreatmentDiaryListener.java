package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;
import org.springframework.stereotype.Component;

/** R8: stores the treatment diary entry when the therapist completes the diary task (refusing an empty one). */
@Component("treatmentDiaryListener")
class TreatmentDiaryListener implements TaskListener {

    private final TreatmentSessionService sessions;

    TreatmentDiaryListener(TreatmentSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        sessions.recordDiary(ProcessVariables.id(task, "sessionId"),
                FormValues.text(task.getVariable("diaryEntry")),
                FormValues.integer(task.getVariable("wellbeingScore"), "R8", "The wellbeing score"));
        task.getExecution().removeVariable("diaryEntry");
        task.getExecution().removeVariable("wellbeingScore");
    }
}
