package org.carecommissioning.performance;

import java.util.Map;

import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.DisplayDates;

/** What every letter of a quarterly PI return names (PI2, PI4, PI5, PI7): one place, so the letters agree. */
final class ReturnMailModel {

    private ReturnMailModel() {
    }

    static Map<String, Object> of(PiReturn piReturn, ContractedService service, String providerName) {
        return Map.of("returnReference", piReturn.getReference(), "serviceName", service.getName(),
                "serviceCode", service.getServiceCode(), "reportingYear", piReturn.getReportingYear(),
                "quarter", piReturn.getQuarter(), "deadline", DisplayDates.date(piReturn.getDeadline()), "providerName", providerName);
    }
}
