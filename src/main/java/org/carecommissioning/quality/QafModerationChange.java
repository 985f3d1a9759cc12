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

/** Q6: one grade the moderation changed: the grade it replaced, the moderated grade and the reason. */
@Entity
@Table(name = "qaf_moderation_change")
public class QafModerationChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "moderation_id")
    private QafModerationRecord moderation;

    @Enumerated(EnumType.STRING)
    private CoreObjective objective;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_grade")
    private QafGrade previousGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderated_grade")
    private QafGrade moderatedGrade;

    @Column(length = QafModeration.REASON_LIMIT)
    private String reason;

    protected QafModerationChange() {
    }

    QafModerationChange(QafModerationRecord moderation, CoreObjective objective, QafGrade previousGrade,
            QafGrade moderatedGrade, String reason) {
        this.moderation = moderation;
        this.objective = objective;
        this.previousGrade = previousGrade;
        this.moderatedGrade = moderatedGrade;
        this.reason = reason;
    }

    public CoreObjective getObjective() {
        return objective;
    }

    public QafGrade getPreviousGrade() {
        return previousGrade;
    }

    public QafGrade getModeratedGrade() {
        return moderatedGrade;
    }

    public String getReason() {
        return reason;
    }
}
