package org.carecommissioning.partnership;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/** The partnership review's notes (free text that can name people) are kept with the partnership, not in history. */
@Component
class PartnershipPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return "partnership-term";
    }

    @Override
    public Set<String> names() {
        return Set.of("reviewNotes");
    }
}
