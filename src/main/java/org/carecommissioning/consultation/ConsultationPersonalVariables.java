package org.carecommissioning.consultation;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The consultation's free text, kept out of history: the contracts manager's reasons for a smaller sample (stored on
 * the consultation) and for short notice, and the report sent to the provider; any of them could describe a person.
 * Participants' names are never process variables at all: consents and answers are recorded over the API
 * (ConsultationController) into consent_record and answer_set only.
 */
@Component
class ConsultationPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return ConsultationVariables.PROCESS_KEY;
    }

    @Override
    public Set<String> names() {
        return ConsultationVariables.freeText();
    }
}
