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
 * C7: the improvement plan the provider writes from a meeting's actions, one per meeting. It is agreed with the
 * commissioning team or returned with what to change; the revision replaces the text of the same plan.
 */
@Entity
@Table(name = "improvement_plan")
public class ImprovementPlanDocument {

    /** Where the written plan stands. */
    public enum Status {
        /** Written (or revised) by the provider, waiting for the purchasing officer. */
        SUBMITTED,
        /** Formally agreed with the commissioning team. */
        AGREED,
        /** Sent back to the provider with what to change. */
        RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "service_id")
    private Long serviceId;

    @Column(name = "plan_text")
    private String planText;

    @Column(name = "written_by")
    private String writtenBy;

    @Column(name = "written_at")
    private LocalDateTime writtenAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "review_comments")
    private String reviewComments;

    @Column(name = "agreed_by")
    private String agreedBy;

    @Column(name = "agreed_on")
    private LocalDate agreedOn;

    @Version
    private int version;

    protected ImprovementPlanDocument() {
    }

    ImprovementPlanDocument(Long meetingId, Long serviceId) {
        this.meetingId = meetingId;
        this.serviceId = serviceId;
    }

    /** The provider's plan, first written or revised after a return: it waits for agreement again. */
    void submit(String text, String by, LocalDateTime at) {
        this.planText = text;
        this.writtenBy = by;
        this.writtenAt = at;
        this.status = Status.SUBMITTED;
    }

    void agree(String officer, LocalDate on, String comments) {
        this.status = Status.AGREED;
        this.agreedBy = officer;
        this.agreedOn = on;
        this.reviewComments = comments;
    }

    void returnToProvider(String comments) {
        this.status = Status.RETURNED;
        this.reviewComments = comments;
    }

    public Long getId() {
        return id;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getServiceId() {
        return serviceId;
    }

    public String getPlanText() {
        return planText;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public LocalDateTime getWrittenAt() {
        return writtenAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getReviewComments() {
        return reviewComments;
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public LocalDate getAgreedOn() {
        return agreedOn;
    }
}
