package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        ReferralVariables variables = ReferralVariables.of(task);
        sessions.recordDiary(variables.sessionId(), variables.diaryEntry(), variables.wellbeingScore());
        variables.clearDiaryForm();
    }
}
