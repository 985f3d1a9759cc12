package org.carecommissioning.contractmanagement;

import java.util.HashSet;
import java.util.Set;

import org.carecommissioning.shared.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The contract management meeting's free text, kept out of history: audit comments and evidence (a complaint or a
 * support plan audit can name a service user), minutes and actions (owners are named), the improvement plan, the
 * provider's survey answers (C8) and the managers' reasons. Each is stored in the application's tables by the step
 * that reads it; history keeps the decisions (risk levels, priority, yes/no) and references.
 */
@Component
class MeetingPersonalVariables implements PersonalVariables {

    @Override
    public String processDefinitionKey() {
        return "contract-management-meeting";
    }

    @Override
    public Set<String> names() {
        Set<String> names = new HashSet<>(Set.of(
                "auditNotes", "clauseComments", "managerNote", "decisionReason", "agenda", "minutes", "actions",
                "openActions", "priorityReason", "defaultNoticeReason", "improvementPlan", "planReviewComments",
                "feedbackComments"));
        for (ComplianceChecklist.Clause clause : ComplianceChecklist.CLAUSES) {
            names.add(clause.code() + "Comments");
            names.add(clause.code() + "Evidence");
        }
        return names;
    }
}
