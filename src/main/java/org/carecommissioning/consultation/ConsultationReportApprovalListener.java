package org.carecommissioning.consultation;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.carecommissioning.shared.Caller;
import org.springframework.stereotype.Component;

/**
 * U6: on completing an approval task, the decision is recorded for the role the task is for (its one candidate
 * group), by the completing user; a user without that role is refused (400, naming the role) and the task stays open.
 * Fails closed: a task without exactly one candidate group, or nobody signed in, approves nothing.
 */
@Component
class ConsultationReportApprovalListener implements TaskListener {

    private final ConsultationReports reports;

    ConsultationReportApprovalListener(ConsultationReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        ConsultationVariables variables = ConsultationVariables.of(task.getExecution());
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        if (groups.size() != 1) {
            throw new IllegalStateException("Approval task " + task.getTaskDefinitionKey() + " must have exactly one"
                    + " candidate group, the role that approves; it has " + groups);
        }
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        reports.decide(variables.reference(), groups.get(0), variables.reportDecision(), Caller.userIdOf(identity),
                Caller.groupsOf(identity));
    }
}
