package org.carecommissioning.consultation;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * U6: one decision on one version of a consultation's report by one role (V16): who decided, as which role, when,
 * approve or revise. No free text and no participant.
 */
@Entity
@Table(name = "consultation_report_approval")
public class ConsultationReportApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "consultation_id")
    private Long consultationId;

    @Column(name = "report_version")
    private int reportVersion;

    @Column(name = "approver_role")
    private String approverRole;

    @Enumerated(EnumType.STRING)
    private ReportDecision decision;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    protected ConsultationReportApproval() {
    }

    ConsultationReportApproval(Long consultationId, int reportVersion, String approverRole, ReportDecision decision,
            String decidedBy, LocalDateTime decidedAt) {
        this.consultationId = consultationId;
        this.reportVersion = reportVersion;
        this.approverRole = approverRole;
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public int getReportVersion() {
        return reportVersion;
    }

    public String getApproverRole() {
        return approverRole;
    }

    public ReportDecision getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
