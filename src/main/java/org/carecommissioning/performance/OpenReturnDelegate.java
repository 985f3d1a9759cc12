package org.carecommissioning.performance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.DisplayDates;
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
        PiReturn piReturn = returns.open(FormValues.text(execution.getVariable("serviceCode")),
                FormValues.text(execution.getVariable("reportingYear")),
                FormValues.integer(execution.getVariable("quarter"), "PI2", "The quarter"),
                FormValues.date(execution.getVariable("deadline"), "PI2", "The deadline"));
        ContractedService service = returns.serviceOf(piReturn);
        execution.setProcessBusinessKey(piReturn.getReference());
        execution.setVariable("returnReference", piReturn.getReference());
        execution.setVariable("serviceName", service.getName());
        execution.setVariable("providerGroup", services.providerOf(service).getGroupId());
        execution.setVariable("purchasingOfficer", service.getPurchasingOfficer());
        execution.setVariable("deadlineDate", piReturn.getDeadline().toString());
        // Tasklist 4: the form shows the readable copy
        execution.setVariable("deadlineDateText", DisplayDates.date(piReturn.getDeadline()));
        execution.setVariable("deadlineAt", ProcessDates.endOfDay(piReturn.getDeadline(), properties.zone()));
        execution.setVariable("expectedUnits", workbooks.current(service.getId(), piReturn.getReportingYear())
                .orElseThrow().page().units());
    }
}
