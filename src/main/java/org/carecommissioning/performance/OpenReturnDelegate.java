package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.CareProperties;
import org.springframework.stereotype.Component;

/** PI2: opens the quarter's return; its reference is the business key. */
@Component("openReturnDelegate")
class OpenReturnDelegate implements JavaDelegate {

    private final PiReturns returns;
    private final Workbooks workbooks;
    private final ContractServices services;
    private final CareProperties properties;

    OpenReturnDelegate(PiReturns returns, Workbooks workbooks, ContractServices services, CareProperties properties) {
        this.returns = returns;
        this.workbooks = workbooks;
        this.services = services;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PiReturnVariables variables = PiReturnVariables.of(execution);
        PiReturnVariables.Request request = variables.request();
        PiReturn piReturn = returns.open(request.serviceCode(), request.reportingYear(), request.quarter(),
                request.deadline());
        ContractedService service = returns.serviceOf(piReturn);
        variables.opened(piReturn, service.getName(), services.providerOf(service).getGroupId(),
                service.getPurchasingOfficer(),
                workbooks.current(service.getId(), piReturn.getReportingYear()).orElseThrow().page().units(),
                properties.zone());
    }
}
