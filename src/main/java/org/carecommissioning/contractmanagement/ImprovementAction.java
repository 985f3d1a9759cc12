package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An action agreed at a meeting: the provider's improvement plan is the service's open actions (C5, C7). The
 * provider keeps it live with a progress note; the purchasing officer closes it once validated.
 */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "meeting_id")
    private Long meetingId;

    private String description;

    private String owner;

    @Column(name = "target_date")
    private LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    private ActionStatus status;

    @Column(name = "completion_note")
    private String completionNote;

    @Column(name = "validated_by")
    private String validatedBy;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "progress_note")
    private String progressNote;

    @Column(name = "progress_updated_by")
    private String progressUpdatedBy;

    @Column(name = "progress_updated_at")
    private LocalDateTime progressUpdatedAt;

    @Version
    private int version;

    protected ImprovementAction() {
    }

    ImprovementAction(Long serviceId, Long meetingId, String description, String owner, LocalDate targetDate) {
        this.serviceId = serviceId;
        this.meetingId = meetingId;
        this.description = description;
        this.owner = owner;
        this.targetDate = targetDate;
        this.status = ActionStatus.OPEN;
    }

    void closeValidated(String officer, String note, LocalDate on) {
        this.status = ActionStatus.CLOSED;
        this.validatedBy = officer;
        this.completionNote = note;
        this.closedOn = on;
    }

    /** C7: the provider's latest progress on the action; the plan is a live document. */
    void recordProgress(String note, String by, LocalDateTime at) {
        this.progressNote = note;
        this.progressUpdatedBy = by;
        this.progressUpdatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getServiceId() {
        return serviceId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public String getValidatedBy() {
        return validatedBy;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCompletionNote() {
        return completionNote;
    }

    public String getProgressNote() {
        return progressNote;
    }

    public String getProgressUpdatedBy() {
        return progressUpdatedBy;
    }

    public LocalDateTime getProgressUpdatedAt() {
        return progressUpdatedAt;
    }
}
