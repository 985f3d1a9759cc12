package org.carecommissioning.performance;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The PI return's free text, kept out of history: the provider's comments and explanations, the officer's request,
 * reason for lateness and comments, and the contracts manager's reason (PI5). Any of them can name a person; each
 * is stored with the return. History keeps the figures' outcomes and references.
 */
@Component
class PiReturnPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return "pi-return";
    }

    @Override
    public Set<String> names() {
        return Set.of("providerComments", "unitsChangeExplanation", "localPis", "requestToProvider",
                "latenessReason", "checkerComments", "referralReason");
    }
}
