package org.carecommissioning.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two facts every Tasklist card shows, whatever the process: which case the task belongs to and the organisation
 * or service it is about. Both are set as task-local variables because Tasklist reads a filter's columns with the
 * variable query, which (authorizations on) returns a process variable only to whoever may read the whole process
 * instance, but a task's own variables to whoever may read the task. Caseworkers may read only their tasks, so only
 * task-local variables reach their cards. Neither fact is personal: a reference and an organisation or service name.
 */
final class CaseLabels {

    static final String CASE_REFERENCE = "caseReference";
    static final String CASE_SUMMARY = "caseSummary";

    /**
     * Where a process keeps its own reference, for an instance started without a business key (a called process); the
     * business key comes first because every process makes its case reference the business key Cockpit shows.
     */
    private static final List<String> REFERENCES = List.of("referralNumber", "invoiceNumber", "meetingReference",
            "returnReference", "partnershipReference");

    /** The service a task is about names it best; otherwise the organisation referred from, billed or reviewed. */
    private static final List<String> SUMMARIES = List.of("serviceName", "organisationName", "providerName");

    private CaseLabels() {
    }

    /**
     * The labels for a task of a process instance with this business key and these process variables; a label the
     * process holds nothing for is left out rather than guessed.
     */
    static Map<String, Object> of(String businessKey, Function<String, Object> variable) {
        Map<String, Object> labels = new HashMap<>();
        String reference = businessKey != null && !businessKey.isBlank() ? businessKey : first(REFERENCES, variable);
        if (reference != null) {
            labels.put(CASE_REFERENCE, reference);
        }
        String summary = first(SUMMARIES, variable);
        if (summary != null) {
            labels.put(CASE_SUMMARY, summary);
        }
        return labels;
    }

    private static String first(List<String> names, Function<String, Object> variable) {
        for (String name : names) {
            Object value = variable.apply(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
