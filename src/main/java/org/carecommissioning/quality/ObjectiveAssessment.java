package org.carecommissioning.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One core objective of a QAF return (Q1): the provider's claimed grade and written evidence for each level (Q3), the
 * officer's desk-top grade and comment (Q4), the validation visit's grade (Q5) and the agreed grade with its reason
 * (Q7).
 */
@Entity
@Table(name = "qaf_objective")
public class ObjectiveAssessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "qaf_return_id")
    private QafReturn qafReturn;

    @Enumerated(EnumType.STRING)
    private CoreObjective objective;

    @Enumerated(EnumType.STRING)
    @Column(name = "claimed_grade")
    private QafGrade claimedGrade;

    @Column(name = "evidence_c", length = QafLimits.EVIDENCE)
    private String evidenceC;

    @Column(name = "evidence_b", length = QafLimits.EVIDENCE)
    private String evidenceB;

    @Column(name = "evidence_a", length = QafLimits.EVIDENCE)
    private String evidenceA;

    @Enumerated(EnumType.STRING)
    @Column(name = "officer_grade")
    private QafGrade officerGrade;

    @Column(name = "officer_comment", length = QafLimits.OFFICER_COMMENT)
    private String officerComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "visit_grade")
    private QafGrade visitGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "agreed_grade")
    private QafGrade agreedGrade;

    @Column(name = "agreed_reason", length = QafLimits.AGREED_REASON)
    private String agreedReason;

    /** Q7: the provider's further evidence for this objective when it disagrees. */
    @Column(name = "appeal_evidence", length = QafLimits.APPEAL_EVIDENCE)
    private String appealEvidence;

    protected ObjectiveAssessment() {
    }

    ObjectiveAssessment(QafReturn qafReturn, CoreObjective objective) {
        this.qafReturn = qafReturn;
        this.objective = objective;
    }

    void claim(QafGrade grade, String evidenceForC, String evidenceForB, String evidenceForA) {
        this.claimedGrade = grade;
        this.evidenceC = evidenceForC;
        this.evidenceB = evidenceForB;
        this.evidenceA = evidenceForA;
    }

    void assessByOfficer(QafGrade grade, String comment) {
        this.officerGrade = grade;
        this.officerComment = comment;
    }

    void gradeAtVisit(QafGrade grade) {
        this.visitGrade = grade;
    }

    void agree(QafGrade grade, String reason) {
        this.agreedGrade = grade;
        this.agreedReason = reason;
    }

    void appeal(String evidence) {
        this.appealEvidence = evidence;
    }

    public String getAppealEvidence() {
        return appealEvidence;
    }

    /** Q7: the grade the officer proposes to agree: the visit's when there was one, else the desk-top grade. */
    public QafGrade proposedGrade() {
        return visitGrade != null ? visitGrade : officerGrade;
    }

    public CoreObjective getObjective() {
        return objective;
    }

    public QafGrade getClaimedGrade() {
        return claimedGrade;
    }

    public String getEvidenceC() {
        return evidenceC;
    }

    public String getEvidenceB() {
        return evidenceB;
    }

    public String getEvidenceA() {
        return evidenceA;
    }

    public QafGrade getOfficerGrade() {
        return officerGrade;
    }

    public String getOfficerComment() {
        return officerComment;
    }

    public QafGrade getVisitGrade() {
        return visitGrade;
    }

    public QafGrade getAgreedGrade() {
        return agreedGrade;
    }

    public String getAgreedReason() {
        return agreedReason;
    }
}
