package org.carecommissioning.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.referral.ReferralService.Authorisation;
import org.carecommissioning.shared.CurrentUser;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;
import org.springframework.stereotype.Component;

/** R2, R3, R8, R9: stores the authorisation with the plan the decision tables gave. */
@Component("recordAuthorisationDelegate")
class RecordAuthorisationDelegate implements JavaDelegate {

    private final ReferralService referrals;

    RecordAuthorisationDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> plan = ProcessVariables.decision(execution, "treatmentPlan");
        Map<String, Object> forms = ProcessVariables.decision(execution, "evaluationForms");
        Referral referral = referrals.authorise(ProcessVariables.id(execution, "referralId"), CurrentUser.of(execution),
                new Authorisation(
                        FormValues.integer(execution.getVariable("treatmentsAuthorised"), "R3", "The number of treatments"),
                        Boolean.TRUE.equals(plan.get("allowed")),
                        (String) plan.get("planType"),
                        Boolean.TRUE.equals(forms.get("diaryAfterEachTreatment")),
                        (String) forms.get("finalForm"),
                        FormValues.number(execution.getVariable("clientContributionPounds"), "R9",
                                "The client's contribution")));
        execution.setVariable("planType", referral.getPlanType());
        execution.setVariable("diaryAfterEachTreatment", referral.getDiaryAfterEachTreatment());
        execution.setVariable("finalForm", referral.getFinalForm());
        execution.setVariable("treatmentsRemaining", referral.treatmentsRemaining());
        execution.removeVariable("treatmentPlan");
        execution.removeVariable("evaluationForms");
    }
}
