package org.carecommissioning.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Q6: one QAF drawn for moderation in a financial year, and the contracts manager's moderation of it. */
@Entity
@Table(name = "qaf_moderation")
public class QafModerationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "qaf_return_id")
    private QafReturn qafReturn;

    @Column(name = "financial_year")
    private String financialYear;

    /** Q6: the purchasing officer who reviewed the QAF. */
    private String officer;

    @Column(name = "drawn_at")
    private LocalDateTime drawnAt;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private QafModerationOutcome outcome;

    @Column(name = "moderated_by")
    private String moderatedBy;

    @Column(name = "moderated_at")
    private LocalDateTime moderatedAt;

    @Version
    @Column(name = "version")
    private int rowVersion;

    @OneToMany(mappedBy = "moderation", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("objective")
    private List<QafModerationChange> changes = new ArrayList<>();

    protected QafModerationRecord() {
    }

    QafModerationRecord(QafReturn qafReturn, String financialYear, String officer, LocalDateTime drawnAt,
            LocalDate dueOn) {
        this.qafReturn = qafReturn;
        this.financialYear = financialYear;
        this.officer = officer;
        this.drawnAt = drawnAt;
        this.dueOn = dueOn;
        this.outcome = QafModerationOutcome.PENDING;
    }

    void agreed(String by, LocalDateTime at) {
        this.outcome = QafModerationOutcome.AGREED;
        this.moderatedBy = by;
        this.moderatedAt = at;
    }

    void changed(CoreObjective objective, QafGrade previous, QafGrade moderated, String reason) {
        changes.add(new QafModerationChange(this, objective, previous, moderated, reason));
    }

    void changesRecorded(String by, LocalDateTime at) {
        this.outcome = QafModerationOutcome.CHANGED;
        this.moderatedBy = by;
        this.moderatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public QafReturn getQafReturn() {
        return qafReturn;
    }

    public String getFinancialYear() {
        return financialYear;
    }

    public String getOfficer() {
        return officer;
    }

    public LocalDateTime getDrawnAt() {
        return drawnAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public QafModerationOutcome getOutcome() {
        return outcome;
    }

    public String getModeratedBy() {
        return moderatedBy;
    }

    public LocalDateTime getModeratedAt() {
        return moderatedAt;
    }

    public List<QafModerationChange> getChanges() {
        return Collections.unmodifiableList(changes);
    }
}
