package org.carecommissioning.quality;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The QAF's free text, kept out of history: the provider's evidence and summary sheet, the officer's comments and
 * request for evidence, the visit's findings and the reasons for agreed grades; the provider's further evidence when
 * it disagrees, the final decision's note and visit findings (Q7); the improvement plan, its reviews, the validation's
 * findings and the default-notice reason (Q8). Any of them can name a service user or member of staff; each is stored
 * with the return (qaf_return, qaf_objective). History keeps references, grades and decisions.
 */
@Component
class QafPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return QafReturnProcess.KEY;
    }

    @Override
    public Set<String> names() {
        return QafVariables.freeText();
    }
}
