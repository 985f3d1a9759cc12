package org.carecommissioning.contractmanagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One checklist clause of a meeting's compliance audit: comments, risk, and after an audit the revised risk (C3, C4). */
@Entity
@Table(name = "compliance_clause")
public class ComplianceClause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "clause_code")
    private String clauseCode;

    @Column(name = "clause_title")
    private String clauseTitle;

    private String comments;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "revised_risk_level")
    private RiskLevel revisedRiskLevel;

    @Column(name = "manager_note")
    private String managerNote;

    protected ComplianceClause() {
    }

    ComplianceClause(Long meetingId, String clauseCode, String clauseTitle, String comments, RiskLevel riskLevel) {
        this.meetingId = meetingId;
        this.clauseCode = clauseCode;
        this.clauseTitle = clauseTitle;
        this.comments = comments;
        this.riskLevel = riskLevel;
    }

    void revise(String evidence, RiskLevel revised) {
        this.evidence = evidence;
        this.revisedRiskLevel = revised;
    }

    void noteByManager(String note) {
        this.managerNote = note;
    }

    /** C4: a clause that was Medium at the desk-top review and High after the audit with the provider. */
    public boolean movedFromMediumToHigh() {
        return riskLevel == RiskLevel.Medium && revisedRiskLevel == RiskLevel.High;
    }

    public RiskLevel currentRisk() {
        return revisedRiskLevel != null ? revisedRiskLevel : riskLevel;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getClauseCode() {
        return clauseCode;
    }

    public String getClauseTitle() {
        return clauseTitle;
    }

    public String getComments() {
        return comments;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public String getEvidence() {
        return evidence;
    }

    public RiskLevel getRevisedRiskLevel() {
        return revisedRiskLevel;
    }

    public String getManagerNote() {
        return managerNote;
    }
}
