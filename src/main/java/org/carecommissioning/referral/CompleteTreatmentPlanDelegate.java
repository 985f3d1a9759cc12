package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carecommissioning.referral.ReferralService.Evaluation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.ProcessVariables;
import org.springframework.stereotype.Component;

/** R8: records the evaluation form and closes the treatment plan. */
@Component("completeTreatmentPlanDelegate")
class CompleteTreatmentPlanDelegate implements JavaDelegate {

    private final ReferralService referrals;

    CompleteTreatmentPlanDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object recommend = execution.getVariable("wouldRecommend");
        referrals.recordEvaluation(ProcessVariables.id(execution, "referralId"), new Evaluation(
                FormValues.flag(execution.getVariable("clientDeclinedEvaluation")),
                FormValues.integer(execution.getVariable("benefitRating"), "R8", "The benefit rating"),
                recommend == null ? null : FormValues.flag(recommend),
                FormValues.text(execution.getVariable("evaluationComments"))));
    }
}
