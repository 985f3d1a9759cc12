package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/**
 * PI8: the rolling 12-month view of a service's PI returns for its contract management meeting. Used by the
 * contract-management-meeting process; lives here because it knows the returns.
 */
@Component("performanceSummaryDelegate")
class PerformanceSummaryDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final ContractServices services;

    PerformanceSummaryDelegate(PiReturns returns, ContractServices services) {
        this.returns = returns;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long serviceId = services.byCode(FormValues.text(execution.getVariable("serviceCode"))).getId();
        execution.setVariable("performanceSummary", returns.rollingTwelveMonths(serviceId));
    }
}
