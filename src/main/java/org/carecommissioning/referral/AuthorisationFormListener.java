package org.carecommissioning.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.springframework.stereotype.Component;

/**
 * R3: reads the authorised treatment count when the eligibility task is completed, before the decision tables
 * see it. The tables take a whole number; text, a fraction, a number beyond an int or no number at all would
 * make them fail with an engine error instead of R3's sentence. Which counts are allowed stays the table's
 * business (X3): this only makes sure it gets a whole number.
 */
@Component("authorisationFormListener")
class AuthorisationFormListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ReferralVariables variables = ReferralVariables.of(task);
        if (!variables.eligibilityConfirmed()) {
            return; // declined: the count is not used
        }
        Object given = variables.treatmentsAuthorisedAsGiven();
        Integer treatments;
        try {
            treatments = FormValues.integer(given, "R3", "The number of treatments");
        } catch (BusinessRuleViolation notAWholeNumber) {
            throw ReferralService.treatmentCountRefused(given);
        }
        if (treatments == null) {
            throw ReferralService.treatmentCountRefused(null);
        }
        variables.treatmentsAuthorised(treatments);
    }
}
