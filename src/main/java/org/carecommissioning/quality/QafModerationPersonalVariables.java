package org.carecommissioning.quality;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * Q6: the reasons for moderated grades, kept out of history (they can name a service user or member of staff); each
 * is stored with the moderation (qaf_moderation_change) and, for an agreed QAF, as the agreed grade's reason.
 */
@Component
class QafModerationPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return QafModerationProcess.KEY;
    }

    @Override
    public Set<String> names() {
        return QafModerationVariables.freeText();
    }
}
