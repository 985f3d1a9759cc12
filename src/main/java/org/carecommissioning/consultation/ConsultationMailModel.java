package org.carecommissioning.consultation;

import java.util.HashMap;
import java.util.Map;

import org.carecommissioning.contractmanagement.ContractedService;

/** What every letter about a consultation names (U2, U3, U6): one place, so the letters agree. No one is named. */
final class ConsultationMailModel {

    private ConsultationMailModel() {
    }

    static Map<String, Object> of(Consultation consultation, ContractedService service, String providerName) {
        Map<String, Object> model = new HashMap<>();
        model.put(ConsultationVariables.REFERENCE, consultation.getReference());
        model.put("serviceName", service.getName());
        model.put("serviceCode", service.getServiceCode());
        model.put("providerName", providerName);
        model.put("financialYear", consultation.getFinancialYear());
        model.put(ConsultationVariables.METHOD, consultation.getMethod() == null ? "not yet agreed"
                : consultation.getMethod().label());
        model.put(ConsultationVariables.SAMPLE_SIZE, consultation.getSampleSize() == null ? 0
                : consultation.getSampleSize());
        return model;
    }
}
