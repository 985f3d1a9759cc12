package org.carecommissioning.referral;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.carecommissioning.shared.PersonalFormValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What each referral task's form shows about the client, read from service_user and referral as the form loads:
 * the commissioner authorising sees the name, membership number and reason; the coordinator booking sees how to
 * reach the client; the other tasks only the name (data minimisation: no more than each task needs).
 */
@Component
class ReferralFormValues implements PersonalFormValues {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Task_ConfirmEligibility", Set.of("serviceUserName", "membershipNumber", "referralReason"),
            "Task_BookAppointment", Set.of("serviceUserName", "serviceUserPhone", "serviceUserEmail"),
            "Task_RecordSessionOutcome", Set.of("serviceUserName"),
            "Task_RecordTreatmentDiary", Set.of("serviceUserName"),
            "Task_CollectShortEvaluation", Set.of("serviceUserName"),
            "Task_CollectFinalEvaluation", Set.of("serviceUserName"));

    // Taken lazily: this bean is created with the process engine, before the services that need the engine.
    private final ObjectProvider<ReferralService> referrals;

    ReferralFormValues(ObjectProvider<ReferralService> referrals) {
        this.referrals = referrals;
    }

    @Override
    public String processDefinitionKey() {
        return "referral";
    }

    @Override
    public Set<String> fields(String taskDefinitionKey) {
        return FIELDS.getOrDefault(taskDefinitionKey, Set.of());
    }

    @Override
    public Map<String, Object> forTask(String taskDefinitionKey, VariableScope task) {
        Set<String> fields = fields(taskDefinitionKey);
        Object referralId = task.getVariable(ReferralVariables.REFERRAL_ID);
        if (fields.isEmpty() || !(referralId instanceof Number id)) {
            return Map.of();
        }
        Referral referral = referrals.getObject().get(id.longValue());
        ServiceUser client = referral.getServiceUser();
        Map<String, Object> all = new HashMap<>();
        all.put("serviceUserName", client.getFullName());
        all.put("membershipNumber", client.getMembershipNumber());
        all.put("serviceUserPhone", client.getPhone());
        all.put("serviceUserEmail", client.getEmail());
        all.put("referralReason", referral.getReferralReason());
        Map<String, Object> shown = new HashMap<>();
        fields.forEach(field -> shown.put(field, all.get(field)));
        return shown;
    }
}
