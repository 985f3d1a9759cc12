package org.carecommissioning.consultation;

/** U6: an approver's decision on one version of the consultation's report (consultation-approve-report form). */
public enum ReportDecision {

    /** The report may go to the provider as far as this approver's role is concerned. */
    APPROVE,
    /** The report goes back to the officer; every required role approves the revised report again. */
    REVISE
}
