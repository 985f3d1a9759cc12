package org.carecommissioning.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.referral.ReferralService.Authorisation;
import org.carecommissioning.shared.CurrentUser;
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
        ReferralVariables variables = ReferralVariables.of(execution);
        Map<String, Object> plan = variables.treatmentPlan();
        Map<String, Object> forms = variables.evaluationForms();
        Referral referral = referrals.authorise(variables.referralId(), CurrentUser.of(execution),
                new Authorisation(
                        variables.treatmentsAuthorised(),
                        Boolean.TRUE.equals(plan.get("allowed")),
                        (String) plan.get("planType"),
                        Boolean.TRUE.equals(forms.get("diaryAfterEachTreatment")),
                        (String) forms.get("finalForm"),
                        variables.clientContributionPounds()));
        variables.authorised(referral);
    }
}
