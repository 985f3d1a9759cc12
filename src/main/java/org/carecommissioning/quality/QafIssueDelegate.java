package org.carecommissioning.quality;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.CurrentUser;
import org.springframework.stereotype.Component;

/** Q2: issues the QAF the purchasing officer chose; its reference is the business key. */
@Component
class QafIssueDelegate implements JavaDelegate {

    private final QafReturns returns;
    private final QafDeadlines deadlines;

    QafIssueDelegate(QafReturns returns, QafDeadlines deadlines) {
        this.returns = returns;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafVariables variables = QafVariables.of(execution);
        QafVariables.IssueRequest request = variables.issueRequest();
        QafReturn qaf = returns.issue(request.serviceCode(), request.variant(), request.meetingDate(),
                CurrentUser.of(execution));
        ContractedService service = returns.serviceOf(qaf);
        variables.issued(qaf, service.getName(), returns.providerOf(qaf).getGroupId(), service.getPurchasingOfficer(),
                deadlines);
    }
}
