package org.carecommissioning.quality;

import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * Q3: the list of evidence documents on the review task names the files as the provider named them, which can name a
 * service user or member of staff: kept out of history like the rest of the QAF's free text (the documents live in
 * qaf_document).
 */
@Component
class QafDocumentPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return QafReturnProcess.KEY;
    }

    @Override
    public Set<String> names() {
        return Set.of(QafDocuments.LIST_VARIABLE);
    }
}
