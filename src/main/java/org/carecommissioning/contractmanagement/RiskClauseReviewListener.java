package org.carecommissioning.contractmanagement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** C3: each Medium or High clause is put before the contracts manager, who may note it. */
@Component
class RiskClauseReviewListener implements TaskListener {

    private final MeetingService meetings;

    RiskClauseReviewListener(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateTask task) {
        MeetingVariables variables = MeetingVariables.of(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ComplianceClause clause = meetings.clause(variables.meetingId(), variables.clauseCode());
            task.setVariableLocal(MeetingVariables.CLAUSE_TITLE, clause.getClauseTitle());
            task.setVariableLocal(MeetingVariables.CLAUSE_RISK, clause.getRiskLevel().name());
            task.setVariableLocal(MeetingVariables.CLAUSE_COMMENTS, clause.getComments());
        } else {
            meetings.noteClause(variables.meetingId(), variables.clauseCode(), variables.managerNote());
            // the next clause's form starts with an empty note, not this one
            task.getExecution().removeVariable(MeetingVariables.MANAGER_NOTE);
        }
    }
}
