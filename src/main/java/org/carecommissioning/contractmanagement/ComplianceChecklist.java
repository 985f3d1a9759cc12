package org.carecommissioning.contractmanagement;

import java.util.List;
import java.util.Optional;

/**
 * The internal contract compliance audit checklist of seed 004 part 3.1 appendix 3 (C3). The codes are the
 * prefixes of the audit forms' fields, for example {@code qafComments}, {@code qafFinancialImpact}.
 */
public final class ComplianceChecklist {

    public record Clause(String code, String title) {
    }

    public static final List<Clause> CLAUSES = List.of(
            new Clause("piReturns", "Performance indicators returned on time"),
            new Clause("piStaffing", "Staffing levels and reported hours acceptable"),
            new Clause("piAvailability", "Service availability and utilisation acceptable"),
            new Clause("localPis", "Local PIs being completed"),
            new Clause("departures", "Planned versus unplanned departures"),
            new Clause("qaf", "Quality Assessment Framework: returned on time, validated, C or above on the 7 core"
                    + " objectives, actions taken"),
            new Clause("addedValue", "Added value: evidenced, measured, successes to report"),
            new Clause("reviewActionPlan", "Service review action plan: actions complete and closed or still to validate"),
            new Clause("continuousImprovement", "Continuous improvement plan with SMART targets, last meeting's actions"
                    + " dealt with"),
            new Clause("monitoringReturns", "Regular returns of monitoring information (CRFs, SUAFs) made in time"),
            new Clause("complaints", "Complaints or compliments received directly by Social Services"),
            new Clause("reports", "Reports with positive or adverse comments (audits, inspections)"),
            new Clause("stakeholders", "Stakeholder feedback since the last meeting"),
            new Clause("serviceUsers", "Service users consulted (U1): when last consulted and the report's headline; do"
                    + " they need consulting before the meeting?"),
            new Clause("staff", "Staff training plan in place and delivered"),
            new Clause("supportPlans", "Support plans reviewed, in regular use and effective"),
            new Clause("clientGroup", "Service provides only for its primary client group"));

    private ComplianceChecklist() {
    }

    public static Optional<Clause> clause(String code) {
        return CLAUSES.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
