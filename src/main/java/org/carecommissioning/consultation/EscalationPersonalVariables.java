package org.carecommissioning.consultation;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * U4: the consultation-escalation process's free text kept out of history: the account of what was done about a
 * safeguarding concern, which could describe a person; it is stored on consultation_concern.
 */
@Component
class EscalationPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return EscalationVariables.PROCESS_KEY;
    }

    @Override
    public Set<String> names() {
        return EscalationVariables.freeText();
    }
}
